@shoppers
Feature: Shoppers are forgotten as far as retention allows
  A shopper's data request (Shopify's customers/data_request) is answered with a report of what the
  engine holds, kept 30 days for the merchant to hand over. An erasure request (customers/redact) anonymises their ERP customer at once
  unless the books still need it: a customer invoiced within the last 10 years keeps name and address
  (blocked, without e-mail, phone or consent) until the retention ends. Once a year, on the business
  clock, the purge forgets shoppers without orders for 3 years and completes erasures whose retention has run out.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the storefront's compliance webhooks go to the engine

  Scenario: A shopper's data request is answered with a report of what the engine holds, for the merchant to hand over
    When a shopper "tia@example.com" named "Tia Moe" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    When "tia@example.com" asks the shop for their data
    Then the engine's data report for "tia@example.com" names their ERP customer, their web order and their marketing consent "SUBSCRIBED"
    And the engine keeps the data report for "tia@example.com" until 2026-12-02

  Scenario: An erasure takes the shopper's data report with it
    When a shopper "uma@example.com" named "Uma Ray" checks out on the storefront, declining marketing
    And the engine's next poll has run
    And "uma@example.com" asks the shop for their data
    When "uma@example.com" asks the shop to erase their data
    Then the ERP customer of "uma@example.com" is erased
    And the engine holds no data report for "uma@example.com"

  Scenario: A shopper who was never invoiced is erased from the ERP at once
    When a shopper "nia@example.com" named "Nia Long" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    When "nia@example.com" asks the shop to erase their data
    Then the ERP customer of "nia@example.com" is erased
    And the engine reports the ERP customer of "nia@example.com" as erased

  Scenario: A shopper invoiced this year keeps name and address for the books until the retention ends
    Given a web item known as "the kettle" that the warehouse stocks
    When a shopper "oli@example.com" orders 1 of "the kettle" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    When "oli@example.com" asks the shop to erase their data
    Then the ERP customer of "oli@example.com" keeps name and address for the books, without e-mail, phone or marketing consent
    And the engine reports the ERP customer of "oli@example.com" as restricted until 2036-11-02

  Scenario: A forgotten shopper's later changes on the storefront never reach the ERP again
    When a shopper "pia@example.com" named "Pia Holm" checks out on the storefront, declining marketing
    And the engine's next poll has run
    And "pia@example.com" asks the shop to erase their data
    When "pia@example.com" changes their name on the storefront to "Pia Again"
    And the engine's next poll has run
    Then the ERP customer of "pia@example.com" is erased

  Scenario: An erasure request asked twice erases once
    When a shopper "quinn@example.com" named "Quinn Fox" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When "quinn@example.com" asks the shop to erase their data
    And "quinn@example.com" asks the shop to erase their data
    Then the ERP customer of "quinn@example.com" is erased
    And the engine reports the ERP customer of "quinn@example.com" as erased
    And the ERP customer of "quinn@example.com" does not change when the engine polls 2 more times

  @legacy-data
  Scenario: An erasure request reaches every legacy card of the shopper's e-mail
    Given the office has keyed two customer cards with the e-mail of "wes@example.com", one as "WES@Example.COM"
    When a shopper "wes@example.com" named "Wes Hart" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    And "wes@example.com" asks the shop to erase their data
    Then both cards the office keyed with the e-mail of "wes@example.com" are erased and reported

  @fault
  Scenario: The ERP is down when the erasure request comes; the shopper is erased once it is back
    When a shopper "ray@example.com" named "Ray Cole" checks out on the storefront, declining marketing
    And the engine's next poll has run
    Given the ERP's customer pages are down
    When "ray@example.com" asks the shop to erase their data
    And the ERP's customer pages are back
    And the engine has had 3 minutes to retry
    Then the ERP customer of "ray@example.com" is erased

  @yearly
  Scenario: The yearly purge forgets a shopper without orders for three years, and keeps an active one
    When a shopper "sam@example.com" named "Sam Ode" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    When the business clock reaches 2029-06-01 09:00 in America/Chicago
    And a shopper "tess@example.com" named "Tess Ray" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    And the business clock reaches 2029-12-31 23:59 in America/Chicago
    Then the ERP customer of "sam@example.com" is kept as it is
    When the business clock reaches 2030-01-01 00:00 in America/Chicago
    Then the ERP customer of "sam@example.com" is erased
    And the engine reports the ERP customer of "sam@example.com" as erased
    And the ERP customer of "tess@example.com" is kept as it is
    And the engine reports no erasure of the ERP customer of "tess@example.com"
    And the engine reports the yearly purge of 2030 once

  @yearly
  Scenario: The purge runs once a year: later polls change nothing more
    When a shopper "uma@example.com" named "Uma Vale" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When the business clock reaches 2030-01-01 00:00 in America/Chicago
    Then the ERP customer of "uma@example.com" is erased
    And the ERP customer of "uma@example.com" does not change when the engine polls 2 more times
    And the engine reports the yearly purge of 2030 once

  @yearly
  Scenario: A restricted customer is erased by the first purge after the retention has ended
    Given a web item known as "the teapot" that the warehouse stocks
    When a shopper "vic@example.com" orders 1 of "the teapot" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And "vic@example.com" asks the shop to erase their data
    When the business clock reaches 2036-01-01 00:00 in America/Chicago
    Then the ERP customer of "vic@example.com" keeps name and address for the books, without e-mail, phone or marketing consent
    When the business clock reaches 2037-01-01 00:00 in America/Chicago
    Then the ERP customer of "vic@example.com" is erased
    And the engine reports the ERP customer of "vic@example.com" as erased
