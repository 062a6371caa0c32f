using System.Xml;

namespace Exchange.Protocol.Tests.Schemas;

/// <summary>
/// The status lookup lives in a description of its own (message-status-1.0.wsdl), so the 1.3 one stays SMEV's
/// contract: the tests of that one still compare it with the official set operation for operation.
/// </summary>
public sealed class MessageStatusExtensionTests
{
    private const string ExtensionWsdl = "message-status-1.0.wsdl";
    private static readonly WsdlModel Extension = WsdlModel.Load(SchemaFolders.OursFile(ExtensionWsdl));
    private static readonly CompiledSchemas ExtensionSchemas = SchemaSets.FromWsdl(SchemaFolders.OursFile(ExtensionWsdl));

    [Fact]
    public void the_extension_compiles_from_its_wsdl_without_errors_or_warnings_and_reads_only_our_folder()
    {
        Assert.True(ExtensionSchemas.IsClean, ExtensionSchemas.Report());
        Assert.All(ExtensionSchemas.FilesRead, path => Assert.Equal(Path.GetFullPath(SchemaFolders.Ours), Path.GetDirectoryName(Path.GetFullPath(path))));
    }

    [Fact]
    public void it_offers_one_operation_bound_like_the_smev_ones_with_smev_faults()
    {
        var operation = Assert.Single(Extension.Operations.Values);
        Assert.Equal("GetMessageStatus", operation.Name);
        Assert.Equal("urn:GetMessageStatus", operation.SoapAction);
        Assert.Equal(("document", "literal", "literal"), (operation.Style, operation.InputUse, operation.OutputUse));
        Assert.Equal(new XmlQualifiedName("GetMessageStatusRequest", ExchangeNamespaces.MessageStatus), operation.Input);
        Assert.Equal(new XmlQualifiedName("GetMessageStatusResponse", ExchangeNamespaces.MessageStatus), operation.Output);
        Assert.Contains(new XmlQualifiedName("AccessDenied", SampleDocuments.FaultsNs), operation.Faults.Values);
        Assert.Contains(new XmlQualifiedName("TargetMessageIsNotFound", SampleDocuments.FaultsNs), operation.Faults.Values);
        Assert.All(operation.Faults.Values.Append(operation.Input).Append(operation.Output),
            element => Assert.True(ExtensionSchemas.Set.GlobalElements.Contains(element), $"{element} is not declared"));
    }

    [Fact]
    public void its_names_and_namespaces_are_ours_not_smevs()
    {
        Assert.DoesNotContain("x-artefacts-smev-gov-ru", Extension.TargetNamespace, StringComparison.Ordinal);
        Assert.DoesNotContain("SMEV", Extension.PortType, StringComparison.Ordinal);
        Assert.DoesNotContain(SchemaSets.Ours.Set.GlobalElements.Names.Cast<XmlQualifiedName>(), name => name.Namespace == ExchangeNamespaces.MessageStatus);
    }
}
