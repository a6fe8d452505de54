@new-products @orders @dry-run
Feature: The office previews what the engine would change, and nothing changes until it syncs
  Before trusting the engine with a live shop, the office asks it for a dry run: which products it would
  create, archive or retag, and which web orders it would key in the ERP. The dry run reads both systems
  with the same decisions the engine applies, and writes nothing.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And 30 seconds of business time have passed, short of the engine's next poll
    And a web item known as "the mug"

  Scenario: A recall is previewed as an archive, and the product stays on sale until the sync
    Given the office blocks "the mug" in the ERP
    When the office asks the engine for a dry run of products
    Then the dry run says "the mug" would be archived
    And the storefront lists "the mug" as active
    When the engine's next poll has run
    Then the storefront lists "the mug" as archived

  Scenario: A web order not yet in the ERP is previewed, and once keyed it is named as already there
    When a shopper "dot@example.com" orders 1 of "the mug" on the storefront
    And the office asks the engine for a dry run of orders
    Then the dry run says the web order would be created in the ERP
    And the ERP has 0 sales orders for the web order
    When the engine's next poll has run
    And the office asks the engine for a dry run of orders
    Then the dry run says the web order is already in the ERP
    And the ERP has 1 sales order for the web order
