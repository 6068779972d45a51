resource "aws_iam_role" "copier" {
  name = "demo-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_s3_bucket" "demo" {
  bucket = "example-copy-demo"
}

# One bucket, two prefixes.
resource "aws_datasync_location_s3" "outbox" {
  s3_bucket_arn = aws_s3_bucket.demo.arn
  subdirectory  = "/destination/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_s3" "inbox" {
  s3_bucket_arn = aws_s3_bucket.demo.arn
  subdirectory  = "/source/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_task" "prefix_copy" {
  destination_location_arn = aws_datasync_location_s3.outbox.arn
  name                     = "demo-prefix-copy"
  source_location_arn      = aws_datasync_location_s3.inbox.arn

  options {
    posix_permissions = "NONE"
    verify_mode       = "ONLY_FILES_TRANSFERRED"
    gid               = "NONE"
    uid               = "NONE"
  }
}
