@inventory @yearly
Feature: The annual stocktake
  While the warehouse counts, its stock is frozen: the engine keeps selling what it last knew, holds back the
  orders taken meanwhile, and lets the stores' sales through. When the count is over, every item is planned
  again from what the warehouse now holds.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores

  Scenario Outline: Count adjustments wait for the end of the stocktake
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the warehouse starts its annual stocktake
    And the stocktake counts <counted> of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 10 of "the lamp" available
    When the warehouse finishes its stocktake
    Then the storefront shows <counted> of "the lamp" available

    Examples:
      | counted |
      | 7       |
      | 0       |

  Scenario: Orders taken and till sales during the count are held back, then the count decides
    Given a web item known as "the lamp" with 10 in the warehouse and 5 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When the warehouse starts its annual stocktake
    And a shopper "ada@example.com" orders 2 of "the lamp" on the storefront
    And "Store 1" sells 1 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 12 of "the lamp" available
    When the stocktake counts 9 of "the lamp"
    And the engine's next poll has run
    Then the storefront shows 12 of "the lamp" available
    When the warehouse finishes its stocktake
    Then the storefront shows 11 of "the lamp" available

  Scenario: The stocktake on the first weekend of January: every counted item is resynced after it
    Given a web item known as "the lamp" with 10 in the warehouse
    And a web item known as "the mug" with 8 in the warehouse
    And the merchant's safety stock is 0 on every item, - on the category of "the lamp" and 2 on "the mug"
    And the engine's next poll has run
    When the business clock reaches 2027-01-02 06:00 in America/Chicago
    And the warehouse starts its annual stocktake
    And the stocktake counts 6 of "the lamp"
    And the stocktake counts 11 of "the mug"
    And the engine's next poll has run
    Then the storefront shows 10 of "the lamp" available
    And the storefront shows 6 of "the mug" available
    When the warehouse finishes its stocktake
    Then the storefront shows 6 of "the lamp" available
    And the storefront shows 9 of "the mug" available

  @fault
  Scenario: The warehouse down as the stocktake ends: the resync waits for it
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the warehouse starts its annual stocktake
    And the stocktake counts 4 of "the lamp"
    And the warehouse answers every call with 503
    And the warehouse finishes its stocktake
    Then the storefront shows 10 of "the lamp" available
    When the warehouse answers normally again
    And the engine polls 2 more times
    Then the storefront shows 4 of "the lamp" available
