// Herald on Azure Functions (Flex Consumption): a storage account (Herald's tables and queues, the Functions host's
// AzureWebJobsStorage and the Durable task hub, the deployment package; shared keys disabled), a Key Vault (RBAC),
// optional Application Insights, and a Linux function app running src/Herald.Functions with a system-assigned identity
// that reaches all of them through Microsoft Entra ID (no keys, no connection strings).
// No Bicep compiler is reachable from our build machines: keep this file small and reviewed.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names (3-11 lower-case letters or digits).')
@minLength(3)
@maxLength(11)
param name string

@description('Azure region (one that offers Flex Consumption).')
param location string = resourceGroup().location

@description('Most instances the app scales out to (API, tick queue and orchestrations scale together).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of one instance, MB.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Also deploy Application Insights (and its Log Analytics workspace).')
param enableApplicationInsights bool = true

@description('JWT issuer the API accepts.')
param authIssuer string

@description('JWT audience the API accepts.')
param authAudience string

@description('JWKS URL of the token issuer (its RS256 signing keys).')
param authJwksUrl string

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower('${name}${take(suffix, 12)}')
var vaultName = '${name}-kv-${take(suffix, 6)}'
var deploymentContainer = 'app-package'

// Built-in role ids. Blob Data Owner: the host's leases, the task hub's large messages, the deployment package.
var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packages 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainer
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = if (enableApplicationInsights) {
  name: '${name}-logs-${take(suffix, 6)}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = if (enableApplicationInsights) {
  name: '${name}-ai-${take(suffix, 6)}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

var baseSettings = [
  // Identity-based AzureWebJobsStorage: the host, the queue trigger and the Durable task hub use the app's identity.
  { name: 'AzureWebJobsStorage__accountName', value: storage.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  // Herald's own storage: the same account, by its endpoints (Microsoft Entra ID).
  { name: 'Herald__Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
  { name: 'Herald__Storage__QueueEndpoint', value: storage.properties.primaryEndpoints.queue }
  // The engine's table and queue prefix; the tick trigger's queue (%Herald:Engine:NamePrefix%-ticks) is read from it.
  { name: 'Herald__Engine__NamePrefix', value: 'herald' }
  { name: 'Herald__Secrets__Provider', value: 'KeyVault' }
  { name: 'Herald__Secrets__VaultUri', value: vault.properties.vaultUri }
  { name: 'Herald__Auth__Issuer', value: authIssuer }
  { name: 'Herald__Auth__Audience', value: authAudience }
  { name: 'Herald__Auth__JwksUrl', value: authJwksUrl }
  // The package is read-only: local state (Data Protection keys) goes to the instance's temp folder.
  { name: 'Herald__DataDirectory', value: '/tmp/herald' }
]
var insightsSettings = enableApplicationInsights ? [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
] : []

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-${take(suffix, 6)}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      appSettings: concat(baseSettings, insightsSettings)
    }
  }
}

var storageRoles = [ blobDataOwner, queueDataContributor, tableDataContributor ]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (enableApplicationInsights) {
  name: guid(insights.id, app.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output functionApp string = app.name
output storageAccount string = storage.name
output keyVault string = vault.name
