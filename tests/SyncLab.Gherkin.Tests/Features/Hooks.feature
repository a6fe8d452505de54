@hooks
Feature: Hooks and context injection

  Scenario: A BeforeScenario hook prepares the scenario
    Then the BeforeScenario hook has run for this scenario

  Scenario: Step classes share an injected context
    Given the shared counter is 5
    When another step class adds 3 to the shared counter
    Then the shared counter is 8
