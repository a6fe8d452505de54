@out-of-stock @pos
Feature: Items out for good are no longer sold at the till
  An item the office blocks or discontinues in the ERP is out for good: besides being
  archived on the storefront it is archived in the POS catalogue, so the till no longer
  offers it. Taking an item off the web alone does not take it off the till. When the office
  clears it, the till sells it again at today's price.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario Outline: A discontinued or blocked item is no longer sold at the till
    Given a web item known as "the bag"
    When the office <takes it out>
    And the engine's next poll has run
    Then the till no longer sells "the bag"
    And the storefront lists "the bag" as archived

    Examples:
      | takes it out                                                 |
      | blocks "the bag" in the ERP                                  |
      | codes "the bag" as "DISC" in the ERP's life-cycle field      |

  @legacy-data
  Scenario Outline: The office's shorthand for discontinued takes the item off the till
    Given a web item known as "the bag"
    When the office codes "the bag" as "<code>" in the ERP's life-cycle field
    And the engine's next poll has run
    Then the till no longer sells "the bag"

    Examples:
      | code    |
      | DC      |
      | discont |

  Scenario: Taken off the web only, the item is still sold at the till
    Given a web item known as "the bag"
    When the office takes "the bag" off the web in the ERP
    And the engine's next poll has run
    Then the storefront lists "the bag" as archived
    And the till sells "the bag" at its ERP unit price

  Scenario: Unblocked, the item is back at the till at today's price
    Given a web item known as "the vase"
    When the office blocks "the vase" in the ERP
    And the engine's next poll has run
    And the office sets the ERP price of "the vase" to 35.00
    And the engine's next poll has run
    Then the till no longer sells "the vase"
    When the office unblocks "the vase" in the ERP
    And the engine's next poll has run
    Then the till sells "the vase" at 35.00
