@orders @yearly
Feature: The ERP's fiscal year closes while web orders keep coming
  At the turn of the year the office closes the old year's books in the ERP and opens the new one, often
  a few days apart. Shoppers do not stop buying. A web order, invoice or credit memo the ERP refuses
  because its day is closed is never lost and never an error on the record: the engine posts it on
  today when today is open, or holds it and posts it as soon as the office opens the period. The new
  year's document numbers may restart; the engine keys everything by the storefront's ids, so a number
  the ERP hands out twice never mixes two web orders up.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug" that the warehouse stocks

  Scenario Outline: An order placed just before or after midnight posts on its own day while that day is open
    Given the office keeps the ERP's books open only from 2026-12-01 to 2027-01-31
    When the business clock reaches <placed at> in America/Chicago
    And a shopper "<shopper>" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on <day>
    And the engine holds nothing for the web order

    Examples:
      | case                         | placed at        | shopper           | day        |
      | a minute before midnight     | 2026-12-31 23:59 | eve@example.com   | 2026-12-31 |
      | on the stroke of midnight    | 2027-01-01 00:00 | first@example.com | 2027-01-01 |

  Scenario: New Year's Eve orders the engine sees after the office closed the year post on the first open day
    When the business clock reaches 2026-12-31 23:50 in America/Chicago
    And a shopper "late@example.com" orders 1 of "the mug" on the storefront
    And the office closes the ERP's books before 2027-01-01
    And the business clock reaches 2027-01-02 09:00 in America/Chicago
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on 2027-01-02
    And the engine reports no data error for the web order
    And the warehouse has 1 shipment for the web order

  Scenario: Orders of the new year wait until the office opens it, then post on their own day and ship
    Given the office keeps the ERP's books open only from 2026-12-01 to 2026-12-31
    When the business clock reaches 2027-01-01 00:05 in America/Chicago
    And a shopper "early@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the engine holds the web order's order saying "books are closed for 2027-01-01"
    And the warehouse has 0 shipments for the web order
    When the office keeps the ERP's books open only from 2027-01-01 to 2027-01-31
    And the engine has looked again at what it holds
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on 2027-01-01
    And the warehouse has 1 shipment for the web order
    And the engine holds nothing for the web order

  Scenario: A held order keeps waiting however often the engine looks, and is never given up on
    Given the office keeps the ERP's books open only from 2026-12-01 to 2026-12-31
    When the business clock reaches 2027-01-01 08:00 in America/Chicago
    And a shopper "patient@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the engine has looked again at what it holds
    And the engine has looked again at what it holds
    And the engine has looked again at what it holds
    Then the ERP has 0 sales orders for the web order
    And the engine holds the web order's order saying "held until the office opens the period"

  Scenario: The books shut for the year-end close until a set day: held orders post on that day by themselves
    Given the office closes the ERP's books before 2027-01-05
    When the business clock reaches 2027-01-02 10:00 in America/Chicago
    And a shopper "shut@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the engine holds the web order's order saying "books are closed for 2027-01-02"
    When the business clock reaches 2027-01-05 00:10 in America/Chicago
    And the engine has looked again at what it holds
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on 2027-01-05

  Scenario: A parcel shipped while the books are shut is tracked for the shopper at once and invoiced when they open
    When the business clock reaches 2026-12-30 10:00 in America/Chicago
    And a shopper "parcel@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the office closes the ERP's books before 2027-01-05
    And the business clock reaches 2027-01-02 10:00 in America/Chicago
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the ERP has 0 invoices for the web order
    And the engine holds the web order's parcel saying "the invoice of ERP sales order"
    When the business clock reaches 2027-01-05 09:00 in America/Chicago
    And the engine has looked again at what it holds
    Then the ERP has 1 invoice for the web order
    And the ERP invoice for the web order is posted on 2027-01-05
    And the web order has 1 fulfilment on the storefront
    And the engine holds nothing for the web order

  Scenario: A December order shipped after the office closed the year is invoiced in January
    When the business clock reaches 2026-12-30 10:00 in America/Chicago
    And a shopper "january@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the business clock reaches 2027-01-04 10:00 in America/Chicago
    And the office closes the ERP's books before 2027-01-01
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the ERP has 1 invoice for the web order
    And the ERP invoice for the web order is posted on 2027-01-04
    And the engine reports no data error for the web order

  Scenario: A return refunded while the books are shut is credited once they open, on that day
    When the business clock reaches 2026-12-20 10:00 in America/Chicago
    And a shopper "gift@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the office closes the ERP's books before 2027-01-05
    And the business clock reaches 2027-01-03 10:00 in America/Chicago
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    Then the engine holds the web order's refund saying "the credit memo for refund"
    When the business clock reaches 2027-01-05 09:00 in America/Chicago
    And the engine has looked again at what it holds
    Then the ERP credit memo for the web order's return is posted on 2027-01-05
    And the ERP has 1 posted credit memo for the web order's returns
    And the engine holds nothing for the web order

  Scenario: A December return the engine credits after the office closed the year is posted in January, once
    When the business clock reaches 2026-12-20 10:00 in America/Chicago
    And a shopper "boxing@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the business clock reaches 2026-12-31 16:00 in America/Chicago
    And the office closes the ERP's books before 2027-01-01
    And the shopper returns 1 of "the mug" and is refunded
    And the business clock reaches 2027-01-02 09:00 in America/Chicago
    And the engine polls 2 more times
    Then the ERP credit memo for the web order's return is posted on 2027-01-02
    And the ERP has 1 posted credit memo for the web order's returns

  Scenario: The office restarts the sales order numbers for the new year: January's web orders are numbered from the new line
    Given the office restarts the ERP's sales order numbers at "SO-2027-0001" from 2027-01-01
    When the business clock reaches 2027-01-01 09:00 in America/Chicago
    And a shopper "numbers@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP sales order for the web order is numbered "SO-2027-0001"
    When a shopper "numbers2@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP sales order for the web order is numbered "SO-2027-0002"

  Scenario: Two web orders a year apart get the same ERP order number: each is recorded, shipped and invoiced on its own
    When a shopper "last-year@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the office restarts the ERP's sales order numbers from 2027-01-01 at the number the web order had
    And the business clock reaches 2027-01-04 10:00 in America/Chicago
    And a shopper "this-year@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order has the number the first web order had
    When the warehouse ships the web order
    And the engine's next poll has run
    Then the ERP has 1 invoice for the web order
    And the first web order still has 1 invoice in the ERP
    And the web order has 1 fulfilment on the storefront
    And the engine reports no data error for the web order

  @fault
  Scenario: The ERP is down across midnight: the New Year's Eve order arrives when it is back, dated its own day
    Given the ERP is down for maintenance from 2026-12-31 23:30 to 2027-01-01 00:30 in America/Chicago
    When the business clock reaches 2026-12-31 23:45 in America/Chicago
    And a shopper "outage@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the business clock reaches 2027-01-01 00:30 in America/Chicago
    And the engine polls 2 more times
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on 2026-12-31
    And the engine reports no data error for the web order

  @fault
  Scenario: The ERP is down across midnight and the office closes the year meanwhile: the order posts in January
    Given the ERP is down for maintenance from 2026-12-31 23:30 to 2027-01-01 00:30 in America/Chicago
    When the business clock reaches 2026-12-31 23:45 in America/Chicago
    And a shopper "closed-meanwhile@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the office closes the ERP's books before 2027-01-01
    And the business clock reaches 2027-01-01 00:30 in America/Chicago
    And the engine polls 2 more times
    Then the ERP has 1 sales order for the web order
    And the ERP sales order for the web order posts on 2027-01-01
    And the engine holds nothing for the web order
