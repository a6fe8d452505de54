@returns
Feature: Returns are credited once, whatever else happens to the order
  A return is credited in the ERP exactly once even when the refund comes with other
  refunds, from an order of several items, at the same time as the parcel, while the
  storefront or the ERP is struggling, or while the office has the books shut.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A return and a goodwill refund on one order: the return is credited, the goodwill reported
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "both@example.com" orders 3 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "the mug" and is refunded
    And the merchant refunds 1 of "the mug" without taking it back
    And the engine's next poll has run
    Then the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo credits 1 of "the mug" at the storefront price against the web order's invoice
    And the engine reports a data error for the web order's refund saying "goodwill credit needs a G/L account"

  Scenario: A goodwill refund first does not stop a later return from being credited
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "later@example.com" orders 2 of "the lamp" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the merchant refunds 1 of "the lamp" without taking it back
    And the engine's next poll has run
    And the shopper returns 1 of "the lamp" and is refunded
    And the engine's next poll has run
    Then the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo credits 1 of "the lamp" at the storefront price against the web order's invoice

  Scenario: Items of a several-item order returned one by one are each credited once
    Given the warehouse stocks the web items "gift 1" to "gift 3"
    When a shopper "many@example.com" orders 1 of each of "gift 1" to "gift 3" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "gift 1" and is refunded
    And the engine's next poll has run
    And the shopper returns 1 of "gift 3" and is refunded
    And the engine's next poll has run
    And the engine polls 2 more times
    Then the ERP has 2 posted credit memos for the web order's returns

  @fault
  Scenario: The ERP is down while the parcel ships and comes back; the invoice comes first, then the credit memo against it
    Given a web item known as "the vase" that the warehouse stocks
    When a shopper "quick@example.com" orders 1 of "the vase" on the storefront
    And the engine's next poll has run
    And the ERP answers every call with 503
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "the vase" and is refunded
    And the engine's next poll has run
    And the ERP answers normally again
    And the engine polls 5 more times
    Then the ERP has 1 invoice for the web order
    And the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo credits 1 of "the vase" at the storefront price against the web order's invoice

  Scenario: A return is credited at the price the shopper paid, not at the ERP's new price
    Given a web item known as "the jug" that the warehouse stocks
    When a shopper "paid@example.com" orders 2 of "the jug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the office sets the ERP price of "the jug" to 99.00
    And the engine's next poll has run
    And the shopper returns 2 of "the jug" and is refunded
    And the engine's next poll has run
    Then the ERP credit memo credits 2 of "the jug" at the storefront price against the web order's invoice

  Scenario: A returning shopper's return is credited against their invoice
    Given a web item known as "the candle" that the warehouse stocks
    And a returning shopper "the regular" the ERP knows as a customer
    When the returning shopper "the regular" orders 2 of "the candle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 2 of "the candle" and is refunded
    And the engine's next poll has run
    Then the ERP credit memo credits 2 of "the candle" at the storefront price against the web order's invoice

  Scenario: A return refunded while the office has the month shut is held, then credited on its day once the month opens
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "shut@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the office closes the ERP's books before 2026-12-01
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    Then the engine holds the web order's refund saying "the credit memo for refund"
    When the office keeps the ERP's books open only from 2026-11-01 to 2026-11-30
    And the engine has looked again at what it holds
    Then the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo for the web order's return is posted on 2026-11-02
    And the engine holds nothing for the web order

  @fault
  Scenario: The storefront is down after the refund; the return is credited once when it answers again
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "down@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "the lamp" and is refunded
    And the storefront answers every call with 503
    And the engine's next poll has run
    And the storefront answers normally again
    And the engine polls 3 more times
    Then the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo credits 1 of "the lamp" at the storefront price against the web order's invoice

  @fault
  Scenario Outline: The ERP fails or throttles while crediting; the return is credited once when it recovers
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "<shopper>" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the ERP answers every call with <status>
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    And the ERP answers normally again
    And the engine polls 5 more times
    Then the ERP has 1 posted credit memo for the web order's returns
    And the engine has given up on nothing for "the mug"

    Examples:
      | shopper           | status |
      | e500@example.com  | 500    |
      | e429@example.com  | 429    |
