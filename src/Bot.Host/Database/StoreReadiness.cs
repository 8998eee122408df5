namespace Bot.Host.Database;

/// <summary>Set once start-up has opened the store (reachable, migrated, key ring checked); until then /healthz says "starting".</summary>
public sealed class StoreReadiness
{
    private volatile bool _open;

    public bool IsOpen => _open;

    public void MarkOpen() => _open = true;
}
