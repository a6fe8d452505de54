using Io.Cucumber.Messages.Types;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// Looks up the Gherkin document nodes a pickle points at (its AstNodeIds): the scenario and its rule,
/// the example row and its Examples block, and each step with its keyword and line.
/// </summary>
internal sealed class GherkinAstIndex
{
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TableRow Row, Examples Examples)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);

    public GherkinAstIndex(Feature feature)
    {
        foreach (var child in feature.Children)
        {
            AddBackground(child.Background);
            AddScenario(child.Scenario, rule: null);
            if (child.Rule is null)
            {
                continue;
            }

            foreach (var ruleChild in child.Rule.Children)
            {
                AddBackground(ruleChild.Background);
                AddScenario(ruleChild.Scenario, child.Rule);
            }
        }
    }

    public (Scenario Scenario, Rule? Rule) Scenario(string id) => _scenarios[id];

    public (TableRow Row, Examples Examples) Row(string id) => _rows[id];

    public Step Step(string id) => _steps[id];

    private void AddBackground(Background? background)
    {
        foreach (var step in background?.Steps ?? [])
        {
            _steps[step.Id] = step;
        }
    }

    private void AddScenario(Scenario? scenario, Rule? rule)
    {
        if (scenario is null)
        {
            return;
        }

        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var step in scenario.Steps)
        {
            _steps[step.Id] = step;
        }

        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _rows[row.Id] = (row, examples);
            }
        }
    }
}
