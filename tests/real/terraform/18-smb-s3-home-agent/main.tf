# Corpus case: an SMB share on premises copied to S3 through an agent the
# configuration makes; only what the checks read is kept.

resource "aws_datasync_task" "share_to_bucket" {
  name                     = "share_to_bucket"
  source_location_arn      = aws_datasync_location_smb.share.arn
  destination_location_arn = aws_datasync_location_s3.bucket.arn

  options {
    bytes_per_second  = -1
    gid               = "NONE"
    posix_permissions = "NONE"
    uid               = "NONE"
  }
}

resource "aws_datasync_location_smb" "share" {
  agent_arns = [aws_datasync_agent.on_site.arn]
  password        = "example-password"
  server_hostname = "files.example.internal"
  subdirectory    = "/share"
  user            = "datasync"
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = aws_s3_bucket.target.arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_agent" "on_site" {}
