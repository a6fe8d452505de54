@new-products
Feature: New web items become storefront products, exactly once
  An item the office keys in the ERP and enables for the web becomes a product on the
  storefront. It goes live (active) once it has what a shopper needs — a description,
  a brand and a price; until then it waits as a draft and the engine says what is missing.
  The legacy ERP's quirks are mapped on the way: office shorthand in descriptions,
  the office's unit codes, and the brand that older items keep in Description 2.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario: A complete new web item goes live on the storefront
    Given the office keys a new web item "NEW-0001" in the ERP:
      | field       | value            |
      | description | Oak Serving Tray |
      | brand       | Northwind        |
      | price       | 34.00            |
      | category    | KITCHEN          |
    When the engine's next poll has run
    Then the storefront lists "NEW-0001" as active
    And the storefront shows "NEW-0001" as "Oak Serving Tray" by "Northwind"
    And the storefront sells "NEW-0001" at 34.00
    And the engine reports no data error for "NEW-0001"

  Scenario: Seeing the new item on every poll lists it once
    Given the office keys a new web item "NEW-0002" in the ERP:
      | field       | value       |
      | description | Linen Apron |
      | brand       | Tailspin    |
      | price       | 18.00       |
    When the engine's next poll has run
    And the engine polls 3 more times
    Then the storefront lists "NEW-0002" exactly once

  @legacy-data
  Scenario Outline: Office shorthand in the description becomes a readable title
    Given the office keys a new web item "NEW-0003" in the ERP:
      | field       | value         |
      | description | <description> |
      | brand       | Contoso       |
      | price       | 12.00         |
    When the engine's next poll has run
    Then the storefront shows "NEW-0003" as "<title>" by "Contoso"

    Examples:
      | description         | title                            |
      | BLK CTN T-SHIRT LRG | Black Cotton T-Shirt Large       |
      | SS WTR BTL 3PK      | Stainless Water Bottle Pack of 3 |
      | NAT LTHR BKPK SML   | Natural Leather Backpack Small   |
      | Grey Ceramic Mug    | Grey Ceramic Mug                 |

  @legacy-data
  Scenario Outline: The office's unit codes map to the unit the shop sells by
    Given the office keys a new web item "NEW-0004" in the ERP:
      | field       | value        |
      | description | Cotton Towel |
      | brand       | Litware      |
      | price       | 9.00         |
      | unit        | <unit code>  |
    When the engine's next poll has run
    Then the storefront lists "NEW-0004" as active
    And the storefront describes "NEW-0004" as sold per "<unit>"

    Examples:
      | unit code | unit  |
      | PCS       | piece |
      | ea.       | piece |
      | STK       | piece |
      | PK        | pack  |

  Scenario: A new item without a brand waits as a draft until the office adds one
    Given the office keys a new web item "NEW-0005" in the ERP:
      | field       | value         |
      | description | Stoneware Jug |
      | price       | 24.00         |
    When the engine's next poll has run
    Then the storefront lists "NEW-0005" as a draft
    And the engine reports a data error for "NEW-0005" saying "kept as a draft on the storefront until the ERP item has a brand"
    When the office sets the brand of "NEW-0005" to "Fabrikam" in the ERP
    And the engine's next poll has run
    Then the storefront lists "NEW-0005" as active
    And the storefront shows "NEW-0005" as "Stoneware Jug" by "Fabrikam"
    And the engine reports no data error for "NEW-0005"

  Scenario: A new item without a price waits as a draft until it has one
    Given the office keys a new web item "NEW-0006" in the ERP:
      | field       | value       |
      | description | Birch Stool |
      | brand       | Northwind   |
      | price       | 0           |
    When the engine's next poll has run
    Then the storefront lists "NEW-0006" as a draft
    And the engine reports a data error for "NEW-0006" saying "until the ERP item has a price"
    When the office sets the ERP price of "NEW-0006" to 45.00
    And the engine's next poll has run
    Then the storefront lists "NEW-0006" as active
    And the storefront sells "NEW-0006" at 45.00

  @legacy-data
  Scenario: An item from before the upgrade keeps its brand in Description 2, and the shop shows it
    Given an ERP item known as "the old lamp", created before the upgrade with its brand in Description 2, that is not on the web
    When the office enables "the old lamp" for the web in the ERP
    And the engine's next poll has run
    Then the storefront lists "the old lamp" as active
    And the storefront shows "the old lamp" by the brand from its Description 2

  @legacy-data
  Scenario: On an item created after the upgrade, Description 2 is not a brand
    Given the office keys a new web item "NEW-0007" in the ERP:
      | field         | value         |
      | description   | Walnut Bowl   |
      | description 2 | Hand-turned   |
      | price         | 29.00         |
    When the engine's next poll has run
    Then the storefront lists "NEW-0007" as a draft
    And the engine reports a data error for "NEW-0007" saying "a brand"

  @legacy-data
  Scenario: A unit code the mapping does not know is a data error and blocks nothing else
    Given a web item known as "the mug"
    And the office keys a new web item "NEW-0008" in the ERP:
      | field       | value      |
      | description | Hemp Rope  |
      | brand       | Litware    |
      | price       | 5.00       |
      | unit        | MTR        |
    When the office sets the ERP price of "the mug" to 31.00
    And the engine's next poll has run
    Then the engine reports a data error for "NEW-0008" saying "the ERP unit of measure 'MTR' is not in the mapping's code table"
    And the storefront does not list "NEW-0008"
    And the storefront sells "the mug" at 31.00

  @legacy-data
  Scenario: A unit code the mapping does not know on a listed item is a data error; the product stays as it was
    Given a web item known as "the mug"
    When the office changes the unit of "the mug" to "BARREL" in the ERP
    And the engine's next poll has run
    Then the engine reports a data error for "the mug" saying "the ERP unit of measure 'BARREL' is not in the mapping's code table"
    And the storefront lists "the mug" as active

  @legacy-data
  Scenario: A blocked item keyed for the web is not published
    Given the office keys a new web item "NEW-0009" in the ERP:
      | field       | value        |
      | description | Recalled Kettle |
      | brand       | Contoso      |
      | price       | 39.00        |
      | blocked     | yes          |
    When the engine's next poll has run
    Then the storefront does not list "NEW-0009"
    And the engine reports no data error for "NEW-0009"

  @yearly @legacy-data
  Scenario: An ERP upgrade moves the brand to its own field mid-stream
    Given an ERP item known as "the old lamp", created before the upgrade with its brand in Description 2, that is not on the web
    When the office enables "the old lamp" for the web in the ERP
    And the engine's next poll has run
    Then the storefront shows "the old lamp" by the brand from its Description 2
    When the office sets the brand of "the old lamp" to "Adventure Works" in the ERP
    And the engine's next poll has run
    Then the storefront shows "the old lamp" by "Adventure Works"
    And the storefront lists "the old lamp" exactly once
    And the engine reports no data error for "the old lamp"

  @fault
  Scenario: The storefront throttles while the product is created; it is created once
    Given the office keys a new web item "NEW-0010" in the ERP:
      | field       | value       |
      | description | Copper Pan  |
      | brand       | Fabrikam    |
      | price       | 59.00       |
    And the storefront answers its next 3 calls with "too many requests"
    When the engine's next poll has run
    And the engine has had 3 minutes to retry
    Then the storefront lists "NEW-0010" exactly once
    And the storefront lists "NEW-0010" as active

  @fault
  Scenario: The storefront is down when a new item arrives; it is listed once when it is back
    Given the office keys a new web item "NEW-0011" in the ERP:
      | field       | value        |
      | description | Glass Carafe |
      | brand       | Contoso      |
      | price       | 27.00        |
    And the storefront is down
    When the engine's next poll has run
    And the engine has had 2 minutes to retry
    Then the engine reports no data error for "NEW-0011"
    When the storefront is back
    And the engine has had 10 minutes to retry
    Then the storefront lists "NEW-0011" exactly once
    And the storefront sells "NEW-0011" at 27.00

  @shopper-view
  Scenario: Shoppers do not see a draft, and see the product once it is live
    Given the office keys a new web item "NEW-0012" in the ERP:
      | field       | value      |
      | description | Felt Coaster 3PK |
      | price       | 14.00      |
    When the engine's next poll has run
    Then a shopper cannot find "NEW-0012" on the storefront
    When the office sets the brand of "NEW-0012" to "Litware" in the ERP
    And the warehouse receives 20 of "NEW-0012" in the ERP
    And the engine's next poll has run
    Then a shopper looking at "NEW-0012" sees "In stock"
    And a shopper can add "NEW-0012" to the cart
