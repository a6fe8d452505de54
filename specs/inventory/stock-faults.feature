@inventory @fault
Feature: Stock keeps flowing when the warehouse or the POS fails
  A vendor down or throttling delays the storefront's number; it never loses a change nor gives up on it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the engine plans available-to-sell from the warehouse and the stores

  Scenario: The warehouse down: the storefront keeps its number, and the pick arrives once it is back
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the warehouse picks 4 of "the lamp"
    And the warehouse answers every call with 503
    And the engine's next poll has run
    Then the storefront shows 10 of "the lamp" available
    When the warehouse answers normally again
    And the engine polls 2 more times
    Then the storefront shows 6 of "the lamp" available
    And the engine has given up on nothing for "the lamp"

  Scenario: The warehouse throttled: its Retry-After is waited out
    Given a web item known as "the lamp" with 10 in the warehouse
    And the engine's next poll has run
    When the warehouse receives 5 of "the lamp"
    And the warehouse answers the next 3 calls with 429 and Retry-After 30 seconds
    And the engine polls 3 more times
    Then the storefront shows 15 of "the lamp" available
    And the engine has given up on nothing for "the lamp"

  Scenario: The POS down: a till sale reaches the storefront once it is back
    Given a web item known as "the lamp" with 10 in the warehouse and 6 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When "Store 1" sells 2 of "the lamp"
    And the POS answers every call with 503
    And the engine's next poll has run
    Then the storefront shows 16 of "the lamp" available
    When the POS answers normally again
    And the engine polls 2 more times
    Then the storefront shows 14 of "the lamp" available
    And the engine has given up on nothing for "the lamp"

  Scenario: The POS rate-limited (RATE_LIMITED): the sale arrives once Square lets the engine in again
    Given a web item known as "the lamp" with 10 in the warehouse and 6 in "Store 1"
    And the stores offering their stock to the web are "Store 1"
    And the engine's next poll has run
    When "Store 1" sells 1 of "the lamp"
    And the POS answers the next 2 calls with 429
    And the engine polls 3 more times
    Then the storefront shows 15 of "the lamp" available
    And the engine has given up on nothing for "the lamp"
