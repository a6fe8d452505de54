@new-products @pos
Feature: New web items appear in the stores' POS catalogue, exactly once
  A web item the office keys in the ERP is sold in the stores too: the engine adds it to the
  POS catalogue (Square) with its SKU and price, once, however often it sees the item.
  An item that is not ready to sell — no price — waits, and a Square that is busy or down
  delays it without doubling it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A new web item appears in the POS catalogue at its price
    Given the office keys a new web item "NEW-0101" in the ERP:
      | field       | value            |
      | description | Oak Serving Tray |
      | brand       | Northwind        |
      | price       | 34.00            |
    When the engine's next poll has run
    Then the POS catalogue lists "NEW-0101" once, at 34.00
    And the till sells "NEW-0101" at 34.00
    And the engine reports no data error for "NEW-0101"

  Scenario: Seeing the new item on every poll adds it to the till once
    Given the office keys a new web item "NEW-0102" in the ERP:
      | field       | value       |
      | description | Linen Apron |
      | brand       | Tailspin    |
      | price       | 18.00       |
    When the engine's next poll has run
    And the engine polls 3 more times
    Then the POS catalogue lists "NEW-0102" once, at 18.00

  Scenario: A new item without a price is not rung up at nothing
    Given the office keys a new web item "NEW-0103" in the ERP:
      | field       | value      |
      | description | Sample Mug |
      | brand       | Contoso    |
      | price       | 0.00       |
    When the engine's next poll has run
    Then the POS catalogue does not list "NEW-0103"

  Scenario: A price set after the item reached the till is the till price
    Given the office keys a new web item "NEW-0104" in the ERP:
      | field       | value        |
      | description | Copper Kettle |
      | brand       | Fabrikam     |
      | price       | 49.00        |
    When the engine's next poll has run
    And the office sets the ERP price of "NEW-0104" to 44.00
    And the engine's next poll has run
    Then the POS catalogue lists "NEW-0104" once, at 44.00

  @fault
  Scenario: Square throttling while the item is added delays it and adds it once
    Given the office keys a new web item "NEW-0105" in the ERP:
      | field       | value       |
      | description | Wool Throw  |
      | brand       | Northwind   |
      | price       | 65.00       |
    When the POS answers the next 3 calls with 429
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the POS catalogue lists "NEW-0105" once, at 65.00
    And the engine has given up on nothing for "NEW-0105"
