@inventory @yearly
Feature: Black Friday and Cyber Monday
  The peak brings orders in waves and the stores sell at the same time, through the vendors' real rate limits
  (the storefront's query cost throttle). The last units are never oversold: the storefront refuses what is not
  there, and every order it took reaches the warehouse.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores

  Scenario: Black Friday: the last units are never oversold, nothing is lost
    Given a web item known as "the lamp" with 12 in the warehouse and 4 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And the merchant holds back 2 units of every item from the web
    And the engine's next poll has run
    When the business clock reaches 2026-11-27 08:00 in America/Chicago
    And Black Friday brings 12 shoppers ordering 2 each of "the lamp", 3 between the engine's polls, while "Store 1" sells 1 at each poll
    And the engine works through the peak
    Then no more of "the lamp" was sold than there was
    And the storefront refused 6 orders
    And every web order the storefront took reached the warehouse
    And the storefront shows 0 of "the lamp" available

  @fault
  Scenario: Cyber Monday with a throttled warehouse: orders wait out its Retry-After, none is lost
    Given a web item known as "the lamp" with 20 in the warehouse
    And the engine's next poll has run
    When the business clock reaches 2026-11-30 08:00 in America/Chicago
    And the warehouse answers the next 4 calls with 429 and Retry-After 30 seconds
    And Black Friday brings 8 shoppers ordering 3 each of "the lamp", 4 between the engine's polls, while "Store 1" sells 0 at each poll
    And the engine works through the peak
    Then no more of "the lamp" was sold than there was
    And the storefront refused 2 orders
    And every web order the storefront took reached the warehouse
    And the storefront shows 2 of "the lamp" available
