// Reqnroll needs a unit-test runtime provider; our adapter registers one (there is no Reqnroll.xUnit here).
[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(SyncLab.Gherkin.XunitAdapterPlugin))]
