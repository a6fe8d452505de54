@prices @yearly @dry-run
Feature: The office previews next year's price list before midnight
  In December the office keys next year's price list and wants to see, before midnight, what the store will
  show then. The engine's dry run plans the storefront prices at an instant ahead with the same price list
  decisions it applies at midnight, names the list that decides each price, and writes nothing: the store
  keeps this year's prices until midnight.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug"

  Scenario: Next year's price, previewed at 10 pm, is what the store shows at midnight
    Given the ERP price list 2028 takes effect on 2028-01-01 in America/Chicago, pricing "the mug" at 26.00
    When the engine's next poll has run
    And the business clock reaches 2027-12-31 22:00 in America/Chicago
    And the office asks the engine for a dry run of prices at 2028-01-01 00:00 in America/Chicago
    Then the dry run says "the mug" would sell at 26.00 from the price list 2028
    And the storefront sells "the mug" at its ERP unit price, with no compare-at price
    When the business clock reaches 2028-01-01 00:00 in America/Chicago
    Then the storefront sells "the mug" at 26.00
