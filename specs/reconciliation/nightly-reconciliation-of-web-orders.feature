@reconciliation @orders
Feature: The nightly reconciliation finds web orders the ERP or the warehouse lacks
  Every night the engine also checks the last 30 days of web orders: each must be in the ERP and,
  once the ERP has it, in the warehouse. What the engine never got done (it gave up while a system
  was down) is done overnight through its normal processes; what someone undid since is reported.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine reconciles the storefront with the ERP every night at 03:00 in America/Chicago
    And a web item known as "the mug" that the warehouse stocks

  Scenario: A quiet night: the web order is in the ERP and in the warehouse
    When a shopper "amy@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the nightly reconciliation has run
    Then the reconciliation found nothing about the web order

  @fault
  Scenario: A web order the engine gave up on while the ERP was down is keyed overnight and shipped
    Given the ERP answers every call with 503
    When a shopper "ben@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the engine has had 10 minutes to retry
    Then the engine has given up on the web order
    When the ERP answers normally again
    And the nightly reconciliation has run
    Then the reconciliation found the web order missing in the ERP and healed it
    And the ERP has 1 sales order for the web order
    And the warehouse has 1 shipment for the web order

  Scenario: A shipment the warehouse cancelled by hand is reported, not made again
    When a shopper "cal@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse cancels the web order's shipment by hand
    And the nightly reconciliation has run
    Then the reconciliation found the web order without a warehouse shipment and reported it without healing it
    And the warehouse shipment for the web order is cancelled
