# Build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig CompassionBot.sln ./
COPY src/ src/
RUN dotnet publish src/Bot.Host/Bot.Host.csproj -c Release -o /app --no-self-contained

# Run
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The store's folder exists and belongs to the user the bot runs as, before it is declared a volume.
RUN mkdir -p /data && chown app:app /data
# Public listener (webhooks) on all interfaces; health and metrics stay on loopback inside the container.
ENV Urls=http://0.0.0.0:8080 \
    Management__Urls=http://127.0.0.1:8081 \
    Storage__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER app
# No curl in the runtime image: bash asks /healthz/ready on the management port and wants a 200.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /healthz/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Bot.Host.dll"]
CMD ["run"]
