# kiosk-account-check.ps1: the kiosk on the visitor's screen runs as the kiosk's account, never as the visitor.
#
#   powershell -ExecutionPolicy Bypass -File kiosk-account-check.ps1 [-KioskExe NAME] [-KioskAccount NAME]
#
# On Pro the visitor's account signs in and Assigned Access locks its session down; the kiosk is not
# among the visitor's programs and is not auto-launched: the agent's service starts it in that session
# as digiclub-kiosk (docs/operations.md, "Windows"). A kiosk running as the visitor would be the
# visitor's to end and to read, and the link (its ACL admits digiclub-kiosk only) would refuse it.
# Run by the installer's verify, as an administrator, while the PC shows its lock screen. Lists every
# process of the kiosk's executable; exits 1, naming the process and its owner, when one runs as any
# other account or outside the console session; exits 2 when no kiosk runs at all; 0 otherwise.
# Not run anywhere in CI: docs/operations.md, "Windows".
param(
    [string]$KioskExe = 'digiclub-kiosk.exe',
    [string]$KioskAccount = 'digiclub-kiosk'
)
$ErrorActionPreference = 'Stop'

Add-Type -Namespace DigiClub -Name Console -MemberDefinition '[DllImport("kernel32.dll")] public static extern uint WTSGetActiveConsoleSessionId();'
$console = [DigiClub.Console]::WTSGetActiveConsoleSessionId()

$kiosks = @(Get-CimInstance -ClassName Win32_Process -Filter "Name = '$KioskExe'")
if ($kiosks.Count -eq 0) {
    Write-Error -ErrorAction Continue "kiosk-account-check: no $KioskExe runs (the agent's service starts it when the visitor's session begins)"
    exit 2
}

$bad = $false
foreach ($kiosk in $kiosks) {
    $owner = Invoke-CimMethod -InputObject $kiosk -MethodName GetOwner
    $who = "$($owner.Domain)\$($owner.User)"
    # a local account: its domain is this computer, never another machine's or the domain's account of that name
    $isKiosk = ($owner.ReturnValue -eq 0) -and ($owner.User -ieq $KioskAccount) -and ($owner.Domain -ieq $env:COMPUTERNAME)
    if (-not $isKiosk) {
        Write-Error -ErrorAction Continue "kiosk-account-check: $KioskExe pid $($kiosk.ProcessId) runs as $who, not $KioskAccount"
        $bad = $true
    } elseif ($kiosk.SessionId -ne $console) {
        Write-Error -ErrorAction Continue "kiosk-account-check: $KioskExe pid $($kiosk.ProcessId) runs in session $($kiosk.SessionId), not the console's ($console)"
        $bad = $true
    } else {
        Write-Output "kiosk-account-check: $KioskExe pid $($kiosk.ProcessId) runs as $who in the console session $console"
    }
}
if ($bad) { exit 1 }
exit 0
