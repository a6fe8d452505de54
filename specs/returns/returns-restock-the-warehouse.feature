@returns
Feature: Returned goods are back on hand in the warehouse, exactly once
  When a shopper sends goods back and the merchant refunds them on the storefront with a
  return, the warehouse gets the units back on hand (to sell again), beside the ERP's credit
  memo — however often the engine sees the refund, and whatever the warehouse answers meanwhile.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the kettle" that the warehouse stocks

  Scenario: Returned goods are back on hand once, and credited once
    When a shopper "rue@example.com" orders 2 of "the kettle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the warehouse counts its stock of "the kettle"
    And the shopper returns 2 of "the kettle" and is refunded
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the warehouse holds 2 more of "the kettle" than at its count
    And the ERP has 1 posted credit memo for the web order's returns

  Scenario: A refund without taking the goods back puts nothing on hand
    When a shopper "noe@example.com" orders 1 of "the kettle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the warehouse counts its stock of "the kettle"
    And the merchant refunds 1 of "the kettle" without taking it back
    And the engine polls 3 more times
    Then the warehouse holds 0 more of "the kettle" than at its count

  @fault
  Scenario: A warehouse down when the goods come back receives them once it answers
    When a shopper "wes@example.com" orders 3 of "the kettle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the warehouse counts its stock of "the kettle"
    And the warehouse answers every call with 503
    And the shopper returns 1 of "the kettle" and is refunded
    And the engine's next poll has run
    And the warehouse answers normally again
    And the engine polls 3 more times
    Then the warehouse holds 1 more of "the kettle" than at its count
