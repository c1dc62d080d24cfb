BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Get-PandaponSignature' {
    # Expected values from md5sum over the canonical string, outside the module.
    It 'signs the default recipe as uppercase MD5 and hides the secret' {
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 's3cr3t-key' `
            -Timestamp 1715669977082 -Nonce Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z
        $r.Signature | Should -Be '75F711F6BC5FE17C364CA213FB962C4A'
        $r.CanonicalString | Should -Be 'access-key=58c0201dfdf148eca63cbf6bb5e7cf03&nonce-str=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z&timestamp=1715669977082&key=***'
        ($r | Format-List * | Out-String) | Should -Not -Match 's3cr3t-key'
    }

    It 'accepts the secret as a SecureString and honours algorithm and case' {
        $secret = ConvertTo-SecureString 's3cr3t-key' -AsPlainText -Force
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey $secret `
            -Timestamp 1715669977082 -Nonce Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z -SignatureAlgorithm HMAC-SHA256 -SignatureCase Lower
        $r.Signature | Should -Be '3f52bb7bcf52e0821639be3cc7159bb8b44c28db5fc906459982bad5d9fa1924'
        $r.SignatureAlgorithm | Should -Be 'HMAC-SHA256'
    }

    It 'makes a fresh 32-character nonce and a millisecond timestamp when none is given' {
        $a = Get-PandaponSignature -AccessKey ak -SecretKey sk
        $b = Get-PandaponSignature -AccessKey ak -SecretKey sk
        $a.Nonce | Should -Match '^[A-Za-z0-9]{32}$'
        $a.Nonce | Should -Not -Be $b.Nonce
        [long]$a.Timestamp | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds())
    }

    It 'refuses an unknown placeholder, naming the parameter and the value' {
        { Get-PandaponSignature -AccessKey ak -SecretKey sk -SignatureTemplate 'a={Secret}' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-SignatureTemplate 'a={Secret}'*{Secret}*"
    }
}
