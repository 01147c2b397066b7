// The registry keys the probes read (facts: reference/mars-facts.md).
export const KEYS = {
  currentVersion: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
  productOptions: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\ProductOptions',
  environment: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment',
  dotnet4: 'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full',
  powershell3: 'HKLM\\SOFTWARE\\Microsoft\\PowerShell\\3\\PowerShellEngine',
  powershell1: 'HKLM\\SOFTWARE\\Microsoft\\PowerShell\\1\\PowerShellEngine',
  schannelTls12Client: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client',
  dotnetCrypto: 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  agentSetup: 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup',
  agentConfig: 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config',
  agentProviderConfig: 'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider',
  dpmSetup: 'HKLM\\SOFTWARE\\Microsoft\\Microsoft Data Protection Manager\\Setup',
  bios: 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS',
  userInternetSettings: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
  oneDriveAccounts: 'HKCU\\Software\\Microsoft\\OneDrive\\Accounts',
  syncRoots: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\SyncRootManager',
} as const;
