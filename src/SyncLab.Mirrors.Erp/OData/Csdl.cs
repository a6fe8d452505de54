using System.Text;
using System.Xml;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>One entity type of a <c>$metadata</c> document: its name, key, properties and contained collections.</summary>
internal sealed record EdmEntityType(string Name, string Key, IReadOnlyList<EdmProperty> Properties)
{
    public List<EdmNavigation> Navigations { get; } = [];

    /// <summary>The type of a page, read from its shape: the properties the page writes, in page order.</summary>
    public static EdmEntityType Of<T>(EntityShape<T> shape)
        where T : class, ISequenced
    {
        var properties = shape.Fields.Select(f => new EdmProperty(f.Name, f.Kind)).ToList();
        // Pages are keyed by "id"; a subscription by its "subscriptionId", its first property.
        var key = properties.Any(p => p.Name == "id") ? "id" : properties[0].Name;
        return new EdmEntityType(shape.EntityName, key, properties);
    }
}

internal sealed record EdmProperty(string Name, EdmKind Kind);

/// <summary>A collection the entity contains, e.g. a sales order's <c>salesOrderLines</c>, reached as <c>salesOrders({id})/salesOrderLines</c>.</summary>
internal sealed record EdmNavigation(string Name, string TargetType);

/// <summary>A bound action such as <c>Microsoft.NAV.shipAndInvoice</c> on a sales order.</summary>
internal sealed record EdmAction(string Name, string BindingType);

/// <summary>An entity set of the container: <c>companies</c>, <c>subscriptions</c>, and every page under a company.</summary>
internal sealed record EdmEntitySet(string Name, string EntityType);

/// <summary>What one API root describes in its <c>$metadata</c>.</summary>
internal sealed record CsdlModel(IReadOnlyList<EdmEntityType> Types, IReadOnlyList<EdmAction> Actions, IReadOnlyList<EdmEntitySet> EntitySets);

/// <summary>Writes a <see cref="CsdlModel"/> as an OData v4 CSDL XML document, in Business Central's namespace.</summary>
internal static class Csdl
{
    public const string Namespace = "Microsoft.NAV";
    private const string Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string Edm = "http://docs.oasis-open.org/odata/ns/edm";

    public static byte[] Write(CsdlModel model)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("edmx", "Edmx", Edmx);
            xml.WriteAttributeString("Version", "4.0");
            xml.WriteStartElement("edmx", "DataServices", Edmx);
            xml.WriteStartElement("Schema", Edm);
            xml.WriteAttributeString("Namespace", Namespace);
            xml.WriteAttributeString("Alias", "NAV");
            foreach (var type in model.Types)
            {
                WriteType(xml, type);
            }
            foreach (var action in model.Actions)
            {
                xml.WriteStartElement("Action", Edm);
                xml.WriteAttributeString("Name", action.Name);
                xml.WriteAttributeString("IsBound", "true");
                xml.WriteStartElement("Parameter", Edm);
                xml.WriteAttributeString("Name", "bindingParameter");
                xml.WriteAttributeString("Type", Qualified(action.BindingType));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteStartElement("EntityContainer", Edm);
            xml.WriteAttributeString("Name", "NAV");
            foreach (var set in model.EntitySets)
            {
                xml.WriteStartElement("EntitySet", Edm);
                xml.WriteAttributeString("Name", set.Name);
                xml.WriteAttributeString("EntityType", Qualified(set.EntityType));
                xml.WriteEndElement();
            }
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static string Qualified(string typeName) => $"{Namespace}.{typeName}";

    private static void WriteType(XmlWriter xml, EdmEntityType type)
    {
        xml.WriteStartElement("EntityType", Edm);
        xml.WriteAttributeString("Name", type.Name);
        xml.WriteStartElement("Key", Edm);
        xml.WriteStartElement("PropertyRef", Edm);
        xml.WriteAttributeString("Name", type.Key);
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var property in type.Properties)
        {
            xml.WriteStartElement("Property", Edm);
            xml.WriteAttributeString("Name", property.Name);
            xml.WriteAttributeString("Type", TypeName(property.Kind));
            if (property.Name == type.Key)
            {
                xml.WriteAttributeString("Nullable", "false");
            }
            if (property.Kind == EdmKind.Decimal)
            {
                xml.WriteAttributeString("Scale", "Variable");
            }
            xml.WriteEndElement();
        }
        foreach (var navigation in type.Navigations)
        {
            xml.WriteStartElement("NavigationProperty", Edm);
            xml.WriteAttributeString("Name", navigation.Name);
            xml.WriteAttributeString("Type", $"Collection({Qualified(navigation.TargetType)})");
            xml.WriteAttributeString("ContainsTarget", "true");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string TypeName(EdmKind kind) => kind switch
    {
        EdmKind.String => "Edm.String",
        EdmKind.Guid => "Edm.Guid",
        EdmKind.Boolean => "Edm.Boolean",
        EdmKind.Int32 => "Edm.Int32",
        EdmKind.Int64 => "Edm.Int64",
        EdmKind.Decimal => "Edm.Decimal",
        EdmKind.DateTimeOffset => "Edm.DateTimeOffset",
        EdmKind.Date => "Edm.Date",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No CSDL type for this EDM kind."),
    };
}
