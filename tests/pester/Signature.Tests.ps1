BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
}

Describe 'Get-PandaponSignature' {
    # Expected values from md5sum over the canonical string, outside the module.
    It 'signs the default recipe as uppercase MD5 of the bare concatenation and hides the secret' {
        # printf '%s' 58c0201dfdf148eca63cbf6bb5e7cf03 1715669977082 Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk s3cr3t | md5sum
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 's3cr3t' `
            -Timestamp 1715669977082 -Nonce Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk
        $r.Signature | Should -Be '1F14695F012FE42D09C0D6DD718FC674'
        $r.CanonicalString | Should -Be '58c0201dfdf148eca63cbf6bb5e7cf031715669977082Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk***'
        $r.TimestampUnit | Should -Be 'Milliseconds'
        ($r | Format-List * | Out-String) | Should -Not -Match 's3cr3t'
    }

    It 'signs a seconds timestamp the same way, and makes one when asked for -TimestampUnit Seconds' {
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 's3cr3t' `
            -Timestamp 1715669977 -Nonce Zx9Qk2Lm7Np4Rt6Vw8Yb1Cd3Ef5Gh0Jk -TimestampUnit Seconds
        $r.Signature | Should -Be '992C3742C7BBAA4B6622A3590E99633C'
        $now = Get-PandaponSignature -AccessKey ak -SecretKey sk -TimestampUnit Seconds
        $now.Timestamp | Should -Match '^[0-9]{10}$'
        [long]$now.Timestamp | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds())
    }

    It 'keeps the old key=value recipe as an alternative' {
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 's3cr3t-key' `
            -Timestamp 1715669977082 -Nonce Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z `
            -SignatureTemplate 'access-key={AccessKey}&nonce-str={Nonce}&timestamp={Timestamp}&key={SecretKey}'
        $r.Signature | Should -Be '75F711F6BC5FE17C364CA213FB962C4A'
        $r.CanonicalString | Should -Be 'access-key=58c0201dfdf148eca63cbf6bb5e7cf03&nonce-str=Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z&timestamp=1715669977082&key=***'
    }

    It 'refuses a template without the secret, an empty secret, a blank access key and line breaks, as Set-PandaponCredential does' {
        { Get-PandaponSignature -AccessKey ak -SecretKey sk -SignatureTemplate 'access-key={AccessKey}' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*does not contain {SecretKey}*'
        { Get-PandaponSignature -AccessKey ak -SecretKey (New-Object Security.SecureString) -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-SecretKey is empty*'
        { Get-PandaponSignature -AccessKey '   ' -SecretKey sk -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-AccessKey is blank*'
        { Get-PandaponSignature -AccessKey "a`r`nb" -SecretKey sk -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-AccessKey contains the control character*'
        { Get-PandaponSignature -AccessKey ak -SecretKey sk -Nonce "n`nx" -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-Nonce contains the control character*'
    }

    It 'accepts the secret as a SecureString and honours algorithm and case' {
        $secret = ConvertTo-SecureString 's3cr3t-key' -AsPlainText -Force
        $r = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey $secret `
            -Timestamp 1715669977082 -Nonce Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z -SignatureAlgorithm HMAC-SHA256 -SignatureCase Lower
        # printf '%s' 58c0201dfdf148eca63cbf6bb5e7cf031715669977082Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zs3cr3t-key | openssl dgst -sha256 -hmac s3cr3t-key
        $r.Signature | Should -Be '1e68aea884b273b60facafdc1d23b3f5c70512123d5fb7f9023b42fcffc3122d'
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
