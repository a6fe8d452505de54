@fulfilment
Feature: Web orders ship from the warehouse, and the shopper and the ERP hear about it
  A web order that reached the ERP becomes one shipment in the warehouse (ShipStation).
  When the warehouse buys its label the parcel has shipped: the storefront order is
  fulfilled with the tracking number and carrier, and the ERP ships and invoices the
  sales order — each exactly once, however often the engine sees it.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A web order in the ERP becomes one warehouse shipment picking its lines
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "ada@example.com" orders 2 of "the mug" on the storefront
    And the engine's next poll has run
    Then the ERP has 1 sales order for the web order
    And the warehouse has 1 shipment for the web order
    And the warehouse shipment for the web order is pending
    And the warehouse shipment for the web order picks 2 of "the mug"

  Scenario: A shipped parcel fulfils the web order with tracking and invoices it in the ERP
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "grace@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the ERP has 1 invoice for the web order
    And the ERP has 0 sales orders for the web order

  Scenario Outline: However many units the shopper orders, the parcel carries them all and the order is fulfilled once
    Given a web item known as "the candle" that the warehouse stocks
    When a shopper "<shopper>" orders <units> of "the candle" on the storefront
    And the engine's next poll has run
    Then the warehouse shipment for the web order picks <units> of "the candle"
    When the warehouse ships the web order
    And the engine's next poll has run
    Then the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order

    Examples:
      | shopper           | units |
      | one@example.com   | 1     |
      | three@example.com | 3     |
      | ten@example.com   | 10    |

  Scenario: An order of several items ships as one parcel with one line per item
    Given the warehouse stocks the web items "gift 1" to "gift 3"
    When a shopper "hedy@example.com" orders 1 of each of "gift 1" to "gift 3" on the storefront
    And the engine's next poll has run
    Then the warehouse has 1 shipment for the web order
    And the warehouse shipment for the web order picks 1 of "gift 1"
    And the warehouse shipment for the web order picks 1 of "gift 3"
    When the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"

  Scenario: Seeing the same order and the same shipped parcel on every poll ships, fulfils and invoices once
    Given a web item known as "the mug" that the warehouse stocks
    When a shopper "joan@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the warehouse has 1 shipment for the web order
    When the warehouse ships the web order
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the web order has 1 fulfilment on the storefront
    And the ERP has 1 invoice for the web order

  @legacy-data
  Scenario: An order the ERP refuses never goes to the warehouse
    Given a web item known as "the kettle" that the warehouse stocks
    And the office blocks "the kettle" in the ERP
    When a shopper "barbara@example.com" orders 1 of "the kettle" on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the warehouse has 0 shipments for the web order

  Scenario: The ERP refuses to invoice into a closed period; the shopper still gets tracking and the invoice waits for the period
    Given a web item known as "the lamp" that the warehouse stocks
    When a shopper "emmy@example.com" orders 1 of "the lamp" on the storefront
    And the engine's next poll has run
    And the office closes the ERP's books before 2026-12-01
    And the warehouse ships the web order
    And the engine's next poll has run
    Then the web order is fulfilled on the storefront with the warehouse's tracking number and carrier "USPS"
    And the ERP has 0 invoices for the web order
    And the ERP has 1 sales order for the web order
    And the engine holds the web order's parcel saying "books are closed for 2026-11-02"
    When the office keeps the ERP's books open only from 2026-11-01 to 2026-11-30
    And the engine has looked again at what it holds
    Then the ERP has 1 invoice for the web order
    And the ERP invoice for the web order is posted on 2026-11-02
