@prices @yearly
Feature: ERP price lists take effect at midnight in the store's time zone
  The office prepares price lists ahead: next year's prices from 1 January, a sale from one day to
  another. Their dates are days on the store's wall clock. The engine schedules each start and end on
  the business clock, so a list starting at midnight is live at midnight, not at the next poll, on
  days when the clocks change and on 29 February too.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug"

  Scenario: Next year's price list goes live at midnight, not a minute before
    Given the ERP price list 2028 takes effect on 2028-01-01 in America/Chicago, pricing "the mug" at 26.00
    When the engine's next poll has run
    And the business clock reaches 2027-12-31 23:59 in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price
    When the business clock reaches 2028-01-01 00:00 in America/Chicago
    Then the storefront sells "the mug" at 26.00

  Scenario: A sale shows its compare-at price while it runs, and the price reverts when it ends
    Given the ERP price list WINTER-SALE runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 9.99 instead of 24.99
    When the engine's next poll has run
    And the business clock reaches 2027-01-10 00:00 in America/Chicago
    Then the storefront sells "the mug" at 9.99, compared at 24.99
    When the business clock reaches 2027-01-12 23:59 in America/Chicago
    Then the storefront sells "the mug" at 9.99, compared at 24.99
    When the business clock reaches 2027-01-13 00:00 in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price

  Scenario Outline: A price change scheduled around a daylight-saving change goes live at local midnight
    Given the ERP price list <list> takes effect on <day> in America/Chicago, pricing "the mug" at 26.00
    When the engine's next poll has run
    And the business clock reaches <minute before> in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price
    When the business clock reaches <day> 00:00 in America/Chicago
    Then the storefront sells "the mug" at 26.00

    Examples:
      | case                                  | list        | day        | minute before    |
      | the day the clocks spring forward     | SPRING-DAY  | 2027-03-14 | 2027-03-13 23:59 |
      | the first midnight in summer time     | SPRING-NEXT | 2027-03-15 | 2027-03-14 23:59 |
      | the day the clocks fall back          | FALL-DAY    | 2027-11-07 | 2027-11-06 23:59 |
      | the first midnight back in winter time | FALL-NEXT  | 2027-11-08 | 2027-11-07 23:59 |

  Scenario: A price list starting on 29 February goes live at that midnight
    Given the ERP price list LEAP-2028 takes effect on 2028-02-29 in America/Chicago, pricing "the mug" at 29.02
    When the engine's next poll has run
    And the business clock reaches 2028-02-28 23:59 in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price
    When the business clock reaches 2028-02-29 00:00 in America/Chicago
    Then the storefront sells "the mug" at 29.02

  @fault
  Scenario: The ERP is down at midnight: the new prices go live as soon as it answers, never skipped
    Given the ERP price list 2028 takes effect on 2028-01-01 in America/Chicago, pricing "the mug" at 26.00
    And the ERP is down for maintenance from 2027-12-31 23:30 to 2028-01-01 00:30 in America/Chicago
    When the engine's next poll has run
    And the business clock reaches 2028-01-01 00:00 in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price
    When the business clock reaches 2028-01-01 00:30 in America/Chicago
    Then the storefront sells "the mug" at 26.00
    And the engine has given up on nothing for "the mug"
