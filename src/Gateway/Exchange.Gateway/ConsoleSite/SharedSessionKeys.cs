using System.Xml.Linq;
using Exchange.Gateway.Storage.Users;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// The data-protection key ring in PostgreSQL instead of each machine's disk: a session cookie or a form made by one
/// node is read by every other, so a load balancer may send a console user anywhere.
/// </summary>
public sealed class SharedSessionKeys(SessionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. store.All().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        store.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
