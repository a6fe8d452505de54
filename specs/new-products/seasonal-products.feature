@new-products @seasonal @yearly
Feature: Seasonal products go on sale and are withdrawn on the dates the office keys
  The office keys a selling season on an ERP item: its first and last day, on the store's calendar. The
  engine puts the product on sale (ACTIVE) at local midnight of the first day and withdraws it at local
  midnight after the last day, on the business clock, not at the next poll — on the days the clocks change
  and on 29 February too. Out of season the product is ARCHIVED, not a draft: Shopify archives products a
  merchant no longer sells but keeps (seasonal ones among them), and a draft means "not ready", which the
  engine keeps for items whose content is incomplete. Its price and stock keep following the ERP, so it
  comes back next season as the ERP has it, listed once.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the sledge"

  Scenario Outline: A seasonal product goes on sale at local midnight of its first day (<case>)
    Given the office sells "the sledge" only from <first day> to <last day> in the ERP
    When the engine's next poll has run
    Then the storefront lists "the sledge" as archived
    When the business clock reaches <minute before> in America/Chicago
    Then the storefront lists "the sledge" as archived
    When the business clock reaches <first day> 00:00 in America/Chicago
    Then the storefront lists "the sledge" as active

    Examples:
      | case                              | first day  | last day   | minute before    |
      | an ordinary day                   | 2026-12-01 | 2027-01-15 | 2026-11-30 23:59 |
      | the day the clocks spring forward | 2027-03-14 | 2027-05-31 | 2027-03-13 23:59 |
      | the day the clocks fall back      | 2027-11-07 | 2027-12-31 | 2027-11-06 23:59 |
      | 29 February                       | 2028-02-29 | 2028-03-31 | 2028-02-28 23:59 |

  Scenario Outline: A seasonal product is withdrawn at local midnight after its last day (<case>)
    Given the office sells "the sledge" only from 2026-11-01 to <last day> in the ERP
    When the engine's next poll has run
    Then the storefront lists "the sledge" as active
    When the business clock reaches <last day> 23:59 in America/Chicago
    Then the storefront lists "the sledge" as active
    When the business clock reaches <day after> 00:00 in America/Chicago
    Then the storefront lists "the sledge" as archived

    Examples:
      | case                       | last day   | day after  |
      | Christmas Eve              | 2026-12-24 | 2026-12-25 |
      | the eve of spring forward  | 2027-03-13 | 2027-03-14 |
      | the eve of fall back       | 2027-11-06 | 2027-11-07 |
      | 28 February in a leap year | 2028-02-28 | 2028-02-29 |
      | 29 February                | 2028-02-29 | 2028-03-01 |

  Scenario: Back next season, listed once
    Given the office sells "the sledge" only from 2026-11-01 to 2026-12-24 in the ERP
    When the engine's next poll has run
    And the business clock reaches 2026-12-25 00:00 in America/Chicago
    Then the storefront lists "the sledge" as archived
    When the office sells "the sledge" only from 2027-11-01 to 2027-12-24 in the ERP
    And the engine's next poll has run
    Then the storefront lists "the sledge" as archived
    When the business clock reaches 2027-11-01 00:00 in America/Chicago
    Then the storefront lists "the sledge" as active
    And the storefront lists "the sledge" exactly once

  Scenario: A new seasonal item keyed before its season is published on its first day, not before
    Given the office keys a new web item "XMAS-0001" in the ERP:
      | field       | value           |
      | description | Advent Calendar |
      | brand       | Northwind       |
      | price       | 24.00           |
      | category    | KITCHEN         |
    And the office sells "XMAS-0001" only from 2026-12-01 to 2026-12-24 in the ERP
    When the engine's next poll has run
    Then the storefront does not list "XMAS-0001"
    When the business clock reaches 2026-12-01 00:00 in America/Chicago
    Then the storefront lists "XMAS-0001" as active
    And the storefront lists "XMAS-0001" exactly once

  Scenario: A price changed out of season is the price when the season comes round
    Given the office sells "the sledge" only from 2026-12-01 to 2027-02-28 in the ERP
    When the engine's next poll has run
    And the office sets the ERP price of "the sledge" to 79.00
    And the engine's next poll has run
    And the business clock reaches 2026-12-01 00:00 in America/Chicago
    Then the storefront lists "the sledge" as active
    And the storefront sells "the sledge" at 79.00

  Scenario: A season with no end keeps the product on sale from its first day on
    Given the office sells "the sledge" from 2026-12-01 on, with no end, in the ERP
    When the engine's next poll has run
    Then the storefront lists "the sledge" as archived
    When the business clock reaches 2026-12-01 00:00 in America/Chicago
    Then the storefront lists "the sledge" as active
    When the business clock reaches 2027-12-01 00:00 in America/Chicago
    Then the storefront lists "the sledge" as active

  @fault
  Scenario: The ERP is down at midnight when the season starts: on sale as soon as it answers
    Given the office sells "the sledge" only from 2026-12-01 to 2027-02-28 in the ERP
    When the engine's next poll has run
    And the ERP answers every call with 503
    And the business clock reaches 2026-12-01 00:00 in America/Chicago
    Then the storefront lists "the sledge" as archived
    When the ERP answers normally again
    And the engine has had 5 minutes to retry
    Then the storefront lists "the sledge" as active
    And the engine has given up on nothing for "the sledge"
