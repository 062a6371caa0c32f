namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// Names the texts every console page shares (the layout, navigation, common words), kept in
/// <c>Resources/ConsoleSite/ConsoleTexts.ru.resx</c>. Each page's own texts live beside its page model's name
/// (<c>Resources/Pages/&lt;Model&gt;.ru.resx</c>). Keys are the English texts, so English is the fallback culture.
/// </summary>
public sealed class ConsoleTexts;
