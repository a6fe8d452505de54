@returns @yearly
Feature: The January returns surge
  After the holidays many gifts come back at once. Every return becomes exactly one
  credit memo, dated the day it was refunded in January — none lost, none doubled.

  Scenario: Holiday orders returned in January are each credited once
    Given a fresh estate seeded with 42
    And the engine has finished its first sync
    And the warehouse stocks the web items "gift 1" to "gift 8"
    When shoppers each order 1 of one of "gift 1" to "gift 8" and the warehouse ships them all
    And the engine's next poll has run
    And the engine polls 2 more times
    Given the holidays are over: it is 2027-01-04 in the morning
    When every one of those shoppers returns their order and is refunded
    And the engine's next poll has run
    And the engine polls 2 more times
    Then the ERP has exactly one posted credit memo per returned order, dated 2027-01-04
