using Reqnroll.Plugins;

// The line a binding assembly adds to declare the adapter's runtime plugin (optional: the adapter loads it anyway).
[assembly: RuntimePlugin(typeof(SyncLab.Gherkin.XunitAdapterPlugin))]
