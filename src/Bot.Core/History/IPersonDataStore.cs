namespace Bot.Core.History;

/// <summary>All of one person's data, for /export. Deleting it is a turn decision (TurnDecision.ForgetPerson).</summary>
public interface IPersonDataStore
{
    Task<PersonExport> ExportAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);
}
