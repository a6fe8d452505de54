Feature: Failures
  Scenarios that must fail. Only the runner facts load them; they are not discovered as tests.

  Scenario: A step nobody wrote
    Given an empty basket
    When a step nobody has written yet runs
    Then the basket holds 0 items

  Scenario: A step that is still pending
    Given an empty basket
    When the step that is still pending runs
    Then the basket holds 0 items

  Scenario: A step that fails
    Given an empty basket
    When I add 2 of "APPLE" at 0.50
    Then the basket holds 3 items
    And the total is 1.00

  @failing-hook
  Scenario: A hook that fails
    Given an empty basket
