Feature: QA replay: a spring sale, written only from docs/steps.md

  Scenario: A spring sale starts at midnight Pacific time while the warehouse books stock out
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the kettle" with 20 in stock in the ERP
    And the ERP price list SPRING-27 runs from 2027-04-01 to 2027-04-03 in America/Los_Angeles, pricing "the kettle" at 19.99 instead of 29.99
    When the business clock reaches 2027-03-31 23:59 in America/Los_Angeles
    Then the storefront sells "the kettle" at its ERP unit price, with no compare-at price
    When the business clock reaches 2027-04-01 00:00 in America/Los_Angeles
    Then the storefront sells "the kettle" at 19.99, compared at 29.99
    When the warehouse books 5 of "the kettle" out in the ERP
    And the engine's next poll has run
    Then the storefront shows 15 of "the kettle" available
    When the business clock reaches 2027-04-04 00:00 in America/Los_Angeles
    Then the storefront sells "the kettle" at its ERP unit price, with no compare-at price
