@basket
Feature: Basket
  A tiny shop basket: sample bindings that prove the adapter runs real Reqnroll steps.

  Background:
    Given an empty basket

  @smoke
  Scenario: Items from a table and a note from a doc string
    When I add these items
      | sku   | quantity | price |
      | APPLE | 2        | 0.50  |
      | PEAR  | 1        | 0.75  |
    And I attach the note
      """
      Leave at the door.
      Ring twice.
      """
    Then the basket holds 3 items
    And the total is 1.75
    And the note has 2 lines

  @pricing
  Scenario Outline: Ten or more of an item cost ten percent less
    When I add <quantity> of "<sku>" at <price>
    Then the total is <total>

    Examples:
      | sku    | quantity | price | total |
      | APPLE  | 1        | 2.00  | 2.00  |
      | ORANGE | 10       | 1.00  | 9.00  |

  @manual
  Scenario: The basket looks tidy on a phone
    Then a person checks the layout by eye
