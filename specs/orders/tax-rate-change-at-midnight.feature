@orders @yearly
Feature: The sales tax rate changes at midnight while shoppers buy
  A new sales tax rate takes effect at 00:00 local time on 1 January. An order placed at 23:59 was
  charged the old rate, one at 00:00 the new: the ERP sales order carries exactly the tax the shopper
  paid, taxed on the day of the sale. When the ERP's tax setup disagrees with what the shopper paid
  (the office keyed the new rate late, early or not at all) the engine reports the order as a data
  error instead of letting the ERP tax it otherwise; once the office corrects the rate, a replay sends it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug"

  Scenario Outline: An order carries the rate in force when the shopper paid, to the minute
    Given the sales tax goes from 8 % to 8.5 % at 2027-01-01 00:00 in America/Chicago, on the storefront and in the ERP
    When the business clock reaches <placed at> in America/Chicago
    And a shopper "<shopper>" orders 2 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order carries <rate> % sales tax, the tax the shopper paid

    Examples:
      | case                     | placed at        | shopper              | rate |
      | a minute before midnight | 2026-12-31 23:59 | eve@example.com      | 8    |
      | on the stroke of midnight| 2027-01-01 00:00 | midnight@example.com | 8.5  |
      | the morning after        | 2027-01-01 09:00 | morning@example.com  | 8.5  |

  Scenario: Two orders a minute apart, either side of midnight, each carry their own rate
    Given the sales tax goes from 8 % to 8.5 % at 2027-01-01 00:00 in America/Chicago, on the storefront and in the ERP
    When the business clock reaches 2026-12-31 23:59 in America/Chicago
    And a shopper "before@example.com" orders 1 of "the mug" on the storefront
    And the business clock reaches 2027-01-01 00:00 in America/Chicago
    And a shopper "after@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP sales order for the first web order carries 8 % sales tax, the tax the shopper paid
    And the ERP sales order for the web order carries 8.5 % sales tax, the tax the shopper paid

  Scenario: The office has not keyed the new rate in the ERP: orders after midnight are reported, never re-taxed
    Given the storefront charges 8.5 % sales tax from 2027-01-01 00:00 in America/Chicago, but the ERP still has 8 %
    When the business clock reaches 2027-01-01 00:05 in America/Chicago
    And a shopper "unkeyed@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the engine reports a data error for the web order saying "the shopper paid 8.5 % sales tax"
    And the engine reports a data error for the web order saying "the ERP's tax setup has 8 % on 2027-01-01"

  Scenario: New Year's Eve orders still flow while the ERP lacks the new rate
    Given the storefront charges 8.5 % sales tax from 2027-01-01 00:00 in America/Chicago, but the ERP still has 8 %
    When the business clock reaches 2026-12-31 23:55 in America/Chicago
    And a shopper "still-old@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order carries 8 % sales tax, the tax the shopper paid
    And the engine reports no data error for the web order

  Scenario: The office keys the rate late and replays the order: it reaches the ERP as the shopper paid it
    Given the storefront charges 8.5 % sales tax from 2027-01-01 00:00 in America/Chicago, but the ERP still has 8 %
    When the business clock reaches 2027-01-01 10:00 in America/Chicago
    And a shopper "late-rate@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the engine reports a data error for the web order saying "does not re-tax"
    When the office keys a sales tax rate of 8.5 % in the ERP from 2027-01-01
    And the office replays the engine's data errors for the web order
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order carries 8.5 % sales tax, the tax the shopper paid
    And the engine reports no data error for the web order

  Scenario: The office keyed the new rate a day early: New Year's Eve orders are reported
    Given the storefront charges 8.5 % sales tax from 2027-01-01 00:00 in America/Chicago, but the ERP still has 8 %
    And the office keys a sales tax rate of 8.5 % in the ERP from 2026-12-31
    When the business clock reaches 2026-12-31 18:00 in America/Chicago
    And a shopper "early-rate@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the engine reports a data error for the web order saying "the ERP's tax setup has 8.5 % on 2026-12-31"

  Scenario: An order of 23:59 posted into January because the year closed keeps December's rate
    Given the sales tax goes from 8 % to 8.5 % at 2027-01-01 00:00 in America/Chicago, on the storefront and in the ERP
    When the business clock reaches 2026-12-31 23:59 in America/Chicago
    And a shopper "closing@example.com" orders 1 of "the mug" on the storefront
    And the office closes the ERP's books before 2027-01-01
    And the business clock reaches 2027-01-02 09:00 in America/Chicago
    Then the ERP sales order for the web order posts on 2027-01-02
    And the ERP sales order for the web order carries 8 % sales tax, the tax the shopper paid

  @fault
  Scenario: The ERP is down across midnight: orders from both sides arrive later, each with its own rate
    Given the sales tax goes from 8 % to 8.5 % at 2027-01-01 00:00 in America/Chicago, on the storefront and in the ERP
    And the ERP is down for maintenance from 2026-12-31 23:30 to 2027-01-01 00:30 in America/Chicago
    When the business clock reaches 2026-12-31 23:50 in America/Chicago
    And a shopper "down-before@example.com" orders 1 of "the mug" on the storefront
    And the business clock reaches 2027-01-01 00:10 in America/Chicago
    And a shopper "down-after@example.com" orders 1 of "the mug" on the storefront
    And the business clock reaches 2027-01-01 00:30 in America/Chicago
    And the engine polls 2 more times
    Then the ERP sales order for the first web order carries 8 % sales tax, the tax the shopper paid
    And the ERP sales order for the web order carries 8.5 % sales tax, the tax the shopper paid
    And the engine reports no data error for the web order
