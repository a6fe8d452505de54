@prices
Feature: Sales inside price lists, and price changes when a system misbehaves
  A sale often runs inside a longer price list, and one sale can follow another the next day. The
  storefront always shows the price in effect: of the lists running, the one that started last, with
  its compare-at price. A price change the storefront or the ERP could not take in time is not lost:
  the engine retries until the system answers, and the latest price wins.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug"

  @yearly
  Scenario: A sale inside next year's price list wins while it runs, then the yearly price is back
    Given the ERP price list 2027 takes effect on 2027-01-01 in America/Chicago, pricing "the mug" at 26.00
    And the ERP price list JAN-SALE runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 19.99 instead of 26.00
    When the engine's next poll has run
    And the business clock reaches 2027-01-01 00:00 in America/Chicago
    Then the storefront sells "the mug" at 26.00
    When the business clock reaches 2027-01-10 00:00 in America/Chicago
    Then the storefront sells "the mug" at 19.99, compared at 26.00
    When the business clock reaches 2027-01-13 00:00 in America/Chicago
    Then the storefront sells "the mug" at 26.00

  Scenario: One sale ends as the next begins: the second sale's price shows at that midnight
    Given the ERP price list SALE-A runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 9.99 instead of 24.99
    And the ERP price list SALE-B runs from 2027-01-13 to 2027-01-14 in America/Chicago, pricing "the mug" at 14.99 instead of 24.99
    When the engine's next poll has run
    And the business clock reaches 2027-01-12 23:59 in America/Chicago
    Then the storefront sells "the mug" at 9.99, compared at 24.99
    When the business clock reaches 2027-01-13 00:00 in America/Chicago
    Then the storefront sells "the mug" at 14.99, compared at 24.99
    When the business clock reaches 2027-01-15 00:00 in America/Chicago
    Then the storefront sells "the mug" at its ERP unit price, with no compare-at price

  Scenario: A price list the office keys in after its first day has begun takes effect at once
    Given the ERP price list LATE-KEYED takes effect on 2026-11-01 in America/Chicago, pricing "the mug" at 27.50
    When the engine's next poll has run
    Then the storefront sells "the mug" at 27.50

  Scenario: A sale on one item leaves the price of every other item alone
    Given a web item known as "the lamp"
    And the ERP price list MUG-SALE runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 9.99 instead of 24.99
    When the engine's next poll has run
    And the business clock reaches 2027-01-10 00:00 in America/Chicago
    Then the storefront sells "the mug" at 9.99, compared at 24.99
    And the storefront sells "the lamp" at its ERP unit price, with no compare-at price

  @shopper-view
  Scenario: Shoppers see the sale price with the regular price struck through while the sale runs
    Given the ERP price list WINTER-SALE runs from 2027-01-10 to 2027-01-12 in America/Chicago, pricing "the mug" at 9.99 instead of 24.99
    When the engine's next poll has run
    And the business clock reaches 2027-01-11 12:00 in America/Chicago
    Then a shopper looking at "the mug" sees the price $9.99 with $24.99 struck through

  @fault
  Scenario Outline: The storefront fails with <status> while a price changes; the price arrives once it answers
    When the storefront answers every call with <status>
    And the office sets the ERP price of "the mug" to 23.40
    And the engine's next poll has run
    And the storefront answers normally again
    And the engine's next poll has run
    Then the storefront sells "the mug" at 23.40
    And the engine has given up on nothing for "the mug"

    Examples:
      | status |
      | 503    |
      | 502    |

  @fault
  Scenario: The office changes a price again while the storefront is down: only the latest arrives
    When the storefront answers every call with 503
    And the office sets the ERP price of "the mug" to 21.00
    And the engine's next poll has run
    And the office sets the ERP price of "the mug" to 22.00
    And the engine's next poll has run
    And the storefront answers normally again
    And the engine's next poll has run
    Then the storefront sells "the mug" at 22.00
    And the engine has given up on nothing for "the mug"

  @fault
  Scenario: The ERP is down while the office changes a price; it flows once the ERP answers
    When the office sets the ERP price of "the mug" to 20.00
    And the engine's next poll has run
    And the office sets the ERP price of "the mug" to 25.25
    And the ERP answers every call with 503
    And the engine's next poll has run
    Then the storefront sells "the mug" at 20.00
    When the ERP answers normally again
    And the engine's next poll has run
    Then the storefront sells "the mug" at 25.25
    And the engine has given up on nothing for "the mug"
