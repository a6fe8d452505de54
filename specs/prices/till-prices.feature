@prices @pos
Feature: The stores' tills sell at the ERP's prices
  The till price is the ERP's: a new unit price on the item card, and a price list the
  moment it takes effect at local midnight, as on the storefront. Square down while a
  price changes delays the till price, never loses it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: An ERP price change is the till price
    Given a web item known as "the jug"
    When the office sets the ERP price of "the jug" to 40.00
    And the engine's next poll has run
    Then the till sells "the jug" at 40.00
    And the storefront sells "the jug" at 40.00

  @yearly
  Scenario: A price list starting at midnight changes the till price at midnight, not a minute before
    Given a web item known as "the mug"
    And the ERP price list 2028 takes effect on 2028-01-01 in America/Chicago, pricing "the mug" at 26.00
    When the engine's next poll has run
    And the business clock reaches 2027-12-31 23:59 in America/Chicago
    Then the till sells "the mug" at its ERP unit price
    When the business clock reaches 2028-01-01 00:00 in America/Chicago
    Then the till sells "the mug" at 26.00

  @yearly
  Scenario: A sale's price list ends and the till is back at the item card price
    Given a web item known as "the mug"
    And the ERP price list WINTER-SALE runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 9.99 instead of 24.99
    When the engine's next poll has run
    And the business clock reaches 2027-01-10 00:00 in America/Chicago
    Then the till sells "the mug" at 9.99
    When the business clock reaches 2027-01-13 00:00 in America/Chicago
    Then the till sells "the mug" at its ERP unit price

  @fault
  Scenario: The POS down while a price changes: the till gets it once it is back
    Given a web item known as "the jug"
    When the POS answers every call with 503
    And the office sets the ERP price of "the jug" to 41.50
    And the engine's next poll has run
    And the POS answers normally again
    And the engine polls 3 more times
    Then the till sells "the jug" at 41.50
    And the engine has given up on nothing for "the jug"
