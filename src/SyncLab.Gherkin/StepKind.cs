namespace SyncLab.Gherkin;

/// <summary>Which <c>ITestRunner</c> step method runs a step, as Reqnroll's generator would choose it.</summary>
public enum StepKind
{
    Given,
    When,
    Then,
    And,
    But,
}
