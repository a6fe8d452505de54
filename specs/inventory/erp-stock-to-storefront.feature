@inventory
Feature: ERP stock changes reach the storefront
  The storefront may sell what the ERP holds, never less than nothing:
  the legacy ERP books negative stock, the web shows zero.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: Stock booked out in the ERP lowers what the storefront offers
    Given a web item known as "the backpack" with 12 in stock in the ERP
    When the warehouse books 5 of "the backpack" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 7 of "the backpack" available

  Scenario Outline: The storefront offers what the ERP holds, never below zero
    Given a web item known as "the lamp" with <erp stock> in stock in the ERP
    When the engine's next poll has run
    Then the storefront shows <available> of "the lamp" available

    Examples:
      | erp stock | available |
      | 10        | 10        |
      | 0         | 0         |
      | -3        | 0         |
