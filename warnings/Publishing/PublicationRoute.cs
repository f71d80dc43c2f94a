namespace RiskMonitor.Warnings.Publishing;

/// <summary>An enabled channel with the policy the outbox applies to it.</summary>
public sealed record PublicationRoute(IPublicationChannel Channel, DeliveryPolicy Policy)
{
    public string Name => Channel.Name;
}
