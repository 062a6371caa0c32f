using System.Xml;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>Reading and writing the few fields of the region's business documents the EDMS needs.</summary>
public static class BusinessXml
{
    /// <summary>The trimmed text of the child element at <paramref name="path"/> (local names), or null.</summary>
    public static string? Text(XmlElement element, params string[] path)
    {
        XmlElement? current = element;
        foreach (var name in path)
        {
            current = current?.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name);
        }
        return current?.InnerText.Trim() is { Length: > 0 } text ? text : null;
    }

    /// <summary>"Surname GivenName Patronymic" of an element with a common PersonNameType <c>Name</c> child.</summary>
    public static string? PersonName(XmlElement person) =>
        string.Join(' ', new[] { Text(person, "Name", "Surname"), Text(person, "Name", "GivenName"), Text(person, "Name", "Patronymic") }
            .OfType<string>()) is { Length: > 0 } name ? name : null;

    /// <summary>Every word of the document's text, for a document store that searches what it does not parse.</summary>
    public static string AllText(XmlElement element) =>
        string.Join(' ', element.SelectNodes(".//text()")!.Cast<XmlNode>()
            .SelectMany(t => t.Value!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    public static XmlElement Root(MessageType type)
    {
        var document = new XmlDocument();
        var root = document.CreateElement(type.RootElement, type.NamespaceUri);
        root.SetAttribute("xmlns:c", BusinessTypes.CommonNamespace);
        document.AppendChild(root);
        return root;
    }

    public static XmlElement Add(XmlElement parent, string name, string? text = null, string? namespaceUri = null)
    {
        var child = parent.OwnerDocument.CreateElement(namespaceUri == BusinessTypes.CommonNamespace ? "c:" + name : name,
            namespaceUri ?? parent.NamespaceURI);
        if (text is not null)
        {
            child.InnerText = text;
        }
        parent.AppendChild(child);
        return child;
    }

    /// <summary>A common OfficialType (name and position) under <paramref name="name"/>.</summary>
    public static void AddOfficial(XmlElement parent, string name, Official official)
    {
        var element = Add(parent, name);
        var person = Add(element, "Name", namespaceUri: BusinessTypes.CommonNamespace);
        Add(person, "Surname", official.Surname, BusinessTypes.CommonNamespace);
        Add(person, "GivenName", official.GivenName, BusinessTypes.CommonNamespace);
        if (official.Patronymic is { } patronymic)
        {
            Add(person, "Patronymic", patronymic, BusinessTypes.CommonNamespace);
        }
        Add(element, "Position", official.Position, BusinessTypes.CommonNamespace);
    }

    /// <summary>A common BodyType (a body's name) under <paramref name="name"/>.</summary>
    public static void AddBody(XmlElement parent, string name, string bodyName) =>
        Add(Add(parent, name), "Name", bodyName, BusinessTypes.CommonNamespace);

    public static string Date(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A common RegistrationType (number and date) under <paramref name="name"/>.</summary>
    public static void AddRegistration(XmlElement parent, string name, string number, string date)
    {
        var registration = Add(parent, name);
        Add(registration, "Number", number, BusinessTypes.CommonNamespace);
        Add(registration, "Date", date, BusinessTypes.CommonNamespace);
    }
}
