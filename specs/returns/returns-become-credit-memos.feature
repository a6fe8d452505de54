@returns
Feature: Returns refunded on the storefront become ERP credit memos, exactly once
  When a shopper sends goods back and the merchant refunds them on the storefront with a
  return, the ERP gets one posted sales credit memo against the order's invoice, for the
  returned quantity at the price paid — however often the engine sees the refund.

  Background:
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And a web item known as "the mug" that the warehouse stocks

  Scenario: A returned item is credited in the ERP against the order's invoice
    When a shopper "ada@example.com" orders 2 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 2 of "the mug" and is refunded
    And the engine's next poll has run
    Then the ERP has 1 posted credit memo for the web order's returns
    And the ERP credit memo credits 2 of "the mug" at the storefront price against the web order's invoice

  Scenario Outline: A partial return credits only what came back
    When a shopper "<shopper>" orders <ordered> of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns <returned> of "the mug" and is refunded
    And the engine's next poll has run
    Then the ERP credit memo credits <returned> of "the mug" at the storefront price against the web order's invoice

    Examples:
      | shopper           | ordered | returned |
      | part1@example.com | 3       | 1        |
      | part2@example.com | 5       | 4        |
      | part3@example.com | 2       | 2        |

  Scenario: Two returns of one order make two credit memos
    When a shopper "twice@example.com" orders 3 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    And the shopper returns 2 of "the mug" and is refunded
    And the engine's next poll has run
    Then the ERP has 2 posted credit memos for the web order's returns

  Scenario: Seeing the same refund on every poll credits it once
    When a shopper "grace@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    And the engine polls 3 more times
    Then the ERP has 1 posted credit memo for the web order's returns

  Scenario: A cancelled order's refund needs no credit memo: nothing was invoiced
    When a shopper "mary@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the web order is cancelled on the storefront
    And the engine's next poll has run
    Then the ERP has 0 sales orders for the web order
    And the ERP has 0 invoices for the web order
    And the ERP has 0 posted credit memos for the web order's returns

  @legacy-data
  Scenario: A refund without a return is reported, not credited as a return
    When a shopper "kind@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the merchant refunds 1 of "the mug" without taking it back
    And the engine's next poll has run
    Then the ERP has 0 posted credit memos for the web order's returns
    And the engine reports a data error for the web order's refund saying "goodwill credit needs a G/L account"

  @fault
  Scenario: The ERP is down when the return is refunded; the credit memo comes once when it is back
    When a shopper "ruth@example.com" orders 1 of "the mug" on the storefront
    And the engine's next poll has run
    And the warehouse ships the web order
    And the engine's next poll has run
    And the ERP answers every call with 503
    And the shopper returns 1 of "the mug" and is refunded
    And the engine's next poll has run
    And the ERP answers normally again
    And the engine polls 5 more times
    Then the ERP has 1 posted credit memo for the web order's returns
