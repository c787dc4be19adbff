# link-acl.ps1: the kiosk-agent link's directory, admitting only the kiosk's account.
#
#   powershell -ExecutionPolicy Bypass -File link-acl.ps1 [-LinkDir DIR] [-KioskAccount NAME]
#
# Windows has no SO_PEERCRED: the agent cannot ask who connected to its AF_UNIX socket. So, as
# the Linux directory root:digiclub-kiosk 0750 does, the directory's ACL decides who reaches the
# socket: SYSTEM (the agent's service) and Administrators in full, the kiosk's account read and
# write (connecting to an AF_UNIX socket needs write access to its file), nobody else - not
# Users, not Everyone, not digiclub-visitor. Inheritance from ProgramData is cut, so the
# ProgramData default (Users may read) does not leak in. Run as an administrator, by the
# installer, before the agent's service starts; run again to repair. Exits 1 and names the
# identity when anything else is left in the ACL. Not run anywhere in CI: docs/operations.md,
# "Windows".
param(
    [string]$LinkDir = (Join-Path $env:ProgramData 'DigiClub\link'),
    [string]$KioskAccount = 'digiclub-kiosk'
)
$ErrorActionPreference = 'Stop'

$system = New-Object System.Security.Principal.SecurityIdentifier('S-1-5-18')     # LocalSystem
$admins = New-Object System.Security.Principal.SecurityIdentifier('S-1-5-32-544') # Administrators
$kiosk = (New-Object System.Security.Principal.NTAccount($KioskAccount)).Translate([System.Security.Principal.SecurityIdentifier])

New-Item -ItemType Directory -Force -Path $LinkDir | Out-Null

$inherit = [System.Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
$none = [System.Security.AccessControl.PropagationFlags]::None
$allow = [System.Security.AccessControl.AccessControlType]::Allow
$acl = New-Object System.Security.AccessControl.DirectorySecurity
$acl.SetOwner($admins)                       # an administrator may give it to Administrators, not to SYSTEM
$acl.SetAccessRuleProtection($true, $false)   # no inherited entries, none copied
$acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($system, 'FullControl', $inherit, $none, $allow)))
$acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($admins, 'FullControl', $inherit, $none, $allow)))
$acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule($kiosk, 'ReadAndExecute, Write', $inherit, $none, $allow)))
Set-Acl -Path $LinkDir -AclObject $acl

# Check what Windows now holds: exactly these three identities, nothing inherited.
$wanted = @($system.Value, $admins.Value, $kiosk.Value)
$held = (Get-Acl -Path $LinkDir).Access
$bad = $false
foreach ($rule in $held) {
    $sid = $rule.IdentityReference.Translate([System.Security.Principal.SecurityIdentifier]).Value
    if ($rule.IsInherited -or ($wanted -notcontains $sid)) {
        Write-Error -ErrorAction Continue "link-acl: $LinkDir still admits $($rule.IdentityReference) ($($rule.FileSystemRights))"
        $bad = $true
    }
}
if ($bad) { exit 1 }
Write-Output "link-acl: $LinkDir admits SYSTEM, Administrators and $KioskAccount only"
exit 0
