@shoppers
Feature: Shopper data flows between the storefront and the ERP
  A shopper is one ERP customer, found by e-mail however the office typed it: the shopper's
  name, address and marketing consent follow the storefront; the office's price group (B2B
  pricing), renames and address changes follow to the storefront customer — and nothing is written twice.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync

  Scenario Outline: A new shopper becomes one ERP customer with their address and marketing choice
    When a shopper "ann@example.com" named "Ann Baker" checks out on the storefront, <choice> marketing
    And the engine's next poll has run
    Then the ERP has exactly 1 customer with the e-mail of "ann@example.com"
    And the ERP customer of "ann@example.com" is named "Ann Baker"
    And the ERP customer of "ann@example.com" has the address "12 Harbour Road, Portland OR 97201"
    And the ERP customer of "ann@example.com" has <consent> marketing consent

    Examples:
      | choice        | consent   |
      | subscribing to | given     |
      | declining     | not given |

  Scenario: A shopper who renames themselves on the storefront is renamed in the ERP
    When a shopper "bo@example.com" named "Bo Lind" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When "bo@example.com" changes their name on the storefront to "Bo Lindqvist"
    And the engine's next poll has run
    Then the ERP customer of "bo@example.com" is named "Bo Lindqvist"
    And the ERP has exactly 1 customer with the e-mail of "bo@example.com"

  Scenario: Several changes between two polls: the latest name wins
    When a shopper "cy@example.com" named "Cy Young" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When "cy@example.com" changes their name on the storefront to "Cy Old"
    And "cy@example.com" changes their name on the storefront to "Cy Younger"
    And the engine's next poll has run
    Then the ERP customer of "cy@example.com" is named "Cy Younger"

  Scenario Outline: A shopper's change of mind about marketing reaches the ERP
    When a shopper "di@example.com" named "Di Moss" checks out on the storefront, <first> marketing
    And the engine's next poll has run
    When "di@example.com" <change> marketing on the storefront
    And the engine's next poll has run
    Then the ERP customer of "di@example.com" has <consent> marketing consent

    Examples:
      | first          | change           | consent   |
      | subscribing to | unsubscribes from | not given |
      | declining      | subscribes to    | given     |

  Scenario Outline: The office's price group shows on the storefront customer as a tag
    When a shopper "ed@example.com" named "Ed Stone" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When the office puts the ERP customer of "ed@example.com" in price group "<group>"
    And the engine's next poll has run
    Then the storefront customer "ed@example.com" has the tags "price-group:<group>"

    Examples:
      | group |
      | TRADE |
      | VIP   |

  Scenario: A new price group replaces the old tag; the merchant's own tags stay; no group, no tag
    When a shopper "fay@example.com" named "Fay Hill" checks out on the storefront, declining marketing
    And the engine's next poll has run
    Given the merchant tags "fay@example.com" "newsletter-2026" on the storefront
    When the office puts the ERP customer of "fay@example.com" in price group "TRADE"
    And the engine's next poll has run
    And the office puts the ERP customer of "fay@example.com" in price group "VIP"
    And the engine's next poll has run
    Then the storefront customer "fay@example.com" has the tags "newsletter-2026, price-group:VIP"
    When the office puts the ERP customer of "fay@example.com" in price group ""
    And the engine's next poll has run
    Then the storefront customer "fay@example.com" has the tags "newsletter-2026"

  Scenario: A B2B buyer gets the company's price group on the storefront; the company card keeps its name
    Given the office has keyed a company card "Acme Supplies" for "buyer@acme.example" in price group "TRADE"
    When a shopper "buyer@acme.example" named "Jane Doe" checks out on the storefront, declining marketing
    And the engine's next poll has run
    Then the ERP has exactly 1 customer with the e-mail of "buyer@acme.example"
    And the ERP customer of "buyer@acme.example" is named "Acme Supplies"
    And the storefront customer "buyer@acme.example" has the tags "price-group:TRADE"
    And the storefront customer "buyer@acme.example" is named "Jane Doe"

  Scenario: The office renames a customer in the ERP and the storefront follows
    When a shopper "gus@example.com" named "Gus Fring" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When the office renames the ERP customer of "gus@example.com" to "Gustavo Fring"
    And the engine's next poll has run
    Then the storefront customer "gus@example.com" is named "Gustavo Fring"
    And the ERP customer of "gus@example.com" is named "Gustavo Fring"

  @legacy-data
  Scenario: The office moves a customer in the ERP and the storefront's default address follows, once
    When a shopper "ola@example.com" named "Ola Berg" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When the office moves the ERP customer of "ola@example.com" to "221B Baker Street", "London" "NW1 6XE" in country "UK"
    And the engine's next poll has run
    Then the storefront customer "ola@example.com" has the default address "221B Baker Street, London NW1 6XE GB" and no other
    And the ERP customer of "ola@example.com" does not change when the engine polls 2 more times
    And the ERP customer of "ola@example.com" still says country "UK"

  @legacy-data
  Scenario: The office writes the state out in full and the storefront gets its code
    When a shopper "pia@example.com" named "Pia Lund" checks out on the storefront, declining marketing
    And the engine's next poll has run
    When the office moves the ERP customer of "pia@example.com" to "1 Dock St", "Salem", state "Oregon" "97301" in country "US"
    And the engine's next poll has run
    Then the storefront customer "pia@example.com" has the default address "1 Dock St, Salem OR 97301 US" and no other
    And the ERP customer of "pia@example.com" does not change when the engine polls 2 more times

  Scenario: Nothing is written again when nothing changed
    When a shopper "hal@example.com" named "Hal Berg" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    And the office puts the ERP customer of "hal@example.com" in price group "TRADE"
    And the engine's next poll has run
    Then the ERP customer of "hal@example.com" does not change when the engine polls 3 more times
    And the storefront customer "hal@example.com" has the tags "price-group:TRADE"
    And the ERP has exactly 1 customer with the e-mail of "hal@example.com"

  @legacy-data
  Scenario Outline: A card the office keyed with the e-mail in other letters is the shopper's, never a second one
    Given the office has keyed a customer card for "ivy@example.com" with the e-mail "<keyed>"
    When a shopper "ivy@example.com" named "Ivy Chen" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    Then the ERP has exactly 1 customer with the e-mail of "ivy@example.com"
    And the ERP customer of "ivy@example.com" is named "Ivy Chen"
    And the ERP customer of "ivy@example.com" has given marketing consent

    Examples:
      | keyed           |
      | IVY@EXAMPLE.COM |
      | Ivy@Example.com |

  @legacy-data
  Scenario: Two legacy cards with one e-mail are reported, not guessed at; other shoppers flow
    Given the office has keyed two customer cards with the e-mail of "jo@example.com", one as "JO@Example.com"
    When a shopper "jo@example.com" named "Jo Park" checks out on the storefront, subscribing to marketing
    And a shopper "kim@example.com" named "Kim Lee" checks out on the storefront, subscribing to marketing
    And the engine's next poll has run
    Then the engine reports a data error for the shopper "jo@example.com" saying "2 ERP customers share the e-mail"
    And the ERP customer of "kim@example.com" has given marketing consent

  @fault
  Scenario: The ERP's customer pages are down while a shopper changes; the change arrives when they are back
    When a shopper "lu@example.com" named "Lu Wang" checks out on the storefront, declining marketing
    And the engine's next poll has run
    Given the ERP's customer pages are down
    When "lu@example.com" subscribes to marketing on the storefront
    And the engine's next poll has run
    And the ERP's customer pages are back
    And the engine has had 3 minutes to retry
    Then the ERP customer of "lu@example.com" has given marketing consent
    And the engine has given up on nothing for "lu@example.com"

  @fault
  Scenario: A throttled storefront gets the price group tag once it has room again
    When a shopper "max@example.com" named "Max Roe" checks out on the storefront, declining marketing
    And the engine's next poll has run
    Given the storefront answers its next 2 calls with "too many requests"
    When the office puts the ERP customer of "max@example.com" in price group "VIP"
    And the engine's next poll has run
    And the engine has had 2 minutes to retry
    Then the storefront customer "max@example.com" has the tags "price-group:VIP"
