@orders
Feature: Web orders become ERP sales orders, exactly once
  Every order placed on the storefront is recorded in the ERP as one sales order,
  for the shopper's ERP customer (matched by e-mail, or created), with its lines
  mapped to ERP items by SKU — however often the engine sees the order.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A new shopper's web order becomes one ERP sales order and one new customer
    Given a web item known as "the mug"
    When a shopper "ada@example.com" orders 2 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order has a line of 2 "the mug" at the storefront price
    And the ERP has exactly 1 customer with the e-mail of "ada@example.com"
    And the ERP sales order is for the customer with the e-mail of "ada@example.com"

  Scenario: A returning shopper's order goes to the customer the ERP already has
    Given a web item known as "the lamp"
    And a returning shopper "the regular" the ERP knows as a customer
    When the returning shopper "the regular" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    Then the ERP has exactly 1 customer with the e-mail of "the regular"
    And the ERP sales order is for the customer with the e-mail of "the regular"

  Scenario: Seeing the same order on every poll creates it once
    Given a web item known as "the mug"
    When a shopper "grace@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the ERP has 1 sales order for the web order
    And the ERP has exactly 1 customer with the e-mail of "grace@example.com"

  Scenario: Two orders of one new shopper make one ERP customer
    Given a web item known as "the mug"
    And a web item known as "the lamp"
    When a shopper "alan@example.com" orders 1 of "the mug" on the storefront
    And a shopper "alan@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP has exactly 1 customer with the e-mail of "alan@example.com"

  @legacy-data
  Scenario: An order for an item whose ERP number drifted lands on that ERP item
    Given a web item known as "the bottle" whose ERP number the office keyed with drift
    When a shopper "edsger@example.com" orders 3 of "the bottle" on the storefront
    And the engine's next poll has run
    Then the ERP sales order has a line of 3 "the bottle" at the storefront price

  @fault
  Scenario: The ERP refuses an order for a blocked item: a data error, and other orders still flow
    Given a web item known as "the lamp"
    And a web item known as "the mug"
    And the office blocks "the lamp" in the ERP
    When a shopper "barbara@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    Then the engine reports a data error for the web order saying "blocked"
    When a shopper "frances@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order

  @fault
  Scenario: The office unblocks the item and replays the refused order: it reaches the ERP once
    Given a web item known as "the lamp"
    And the office blocks "the lamp" in the ERP
    When a shopper "grace@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    Then the engine reports a data error for the web order saying "blocked"
    When the office unblocks "the lamp" in the ERP
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    When the office replays the engine's data errors for the web order
    Then the ERP has 1 sales order for the web order
    And the engine reports no data error for the web order

  Scenario: A large order keeps every line, beyond the storefront's first page of lines
    Given the web items "item 1" to "item 12"
    When a shopper "katherine@example.com" orders 1 of each of "item 1" to "item 12" on the storefront
    And the engine's next poll has run
    Then the ERP sales order has 12 lines
