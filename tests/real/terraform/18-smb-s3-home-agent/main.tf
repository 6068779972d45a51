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
}

resource "aws_datasync_location_s3" "bucket" {
  s3_bucket_arn = aws_s3_bucket.target.arn
}

resource "aws_datasync_agent" "on_site" {}
