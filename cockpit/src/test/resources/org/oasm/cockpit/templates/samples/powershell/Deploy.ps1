# Deploys the build output to a share.
param([string]$Target = "\\server\drop")

function Publish-Build {
    param([string]$Path)
    $password = "hunter2"
    $secure = ConvertTo-SecureString $password -AsPlainText -Force
    gci $Path | % { Copy-Item $_.FullName -Destination $Target }
    Write-Host "published $Path"   
	# copied with tabs
}

function Run-Deployment {
    $script = (New-Object Net.WebClient).DownloadString("https://example.com/setup.ps1")
    Invoke-Expression $script
    Publish-Build -Path ./out
}

powershell.exe -ExecutionPolicy Bypass -File ./post.ps1
