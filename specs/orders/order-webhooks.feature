@orders @webhooks
Feature: The storefront's webhooks bring web orders at once; polling heals the ones lost
  The engine subscribes to the storefront's order, refund and customer webhooks. A webhook makes the
  engine look at once instead of at its next poll; polling still runs, because webhooks get lost.
  Whatever the storefront delivers twice or not at all, each web order reaches the ERP exactly once.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And 30 seconds of business time have passed, short of the engine's next poll
    And the storefront's order webhooks go to the engine
    And a web item known as "the mug"

  Scenario: A web order reaches the ERP as soon as the storefront's webhook arrives
    When a shopper "ada@example.com" orders 1 of "the mug" on the storefront
    And the storefront has sent its webhook for the web order, with no poll due
    Then the ERP has 1 sales order for the web order
    And the ERP sales order has a line of 1 "the mug" at the storefront price

  @fault
  Scenario: A webhook the storefront lost is healed by the next poll
    Given the storefront loses every webhook it sends
    When a shopper "bo@example.com" orders 1 of "the mug" on the storefront
    And the storefront has sent its webhook for the web order, with no poll due
    Then the ERP has 0 sales orders for the web order
    When the engine's next poll has run
    Then the ERP has 1 sales order for the web order

  @fault
  Scenario: A webhook delivered twice creates the order once
    Given the storefront sends every webhook twice
    When a shopper "cy@example.com" orders 1 of "the mug" on the storefront
    And the storefront has sent its webhook for the web order, with no poll due
    Then the ERP has 1 sales order for the web order
    And the engine acted once on the repeated webhook and ignored the copy
    When the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP has exactly 1 customer with the e-mail of "cy@example.com"
