variable "bucket_arn" {
  type = string
}

variable "task_name" {
  type = string
}

resource "aws_datasync_task" "copy" {
  name                     = var.task_name
  source_location_arn      = aws_datasync_location_nfs.export.arn
  destination_location_arn = aws_datasync_location_s3.archive.arn

  options {
    atime             = "BEST_EFFORT"
    gid               = "INT_VALUE"
    mtime             = "PRESERVE"
    posix_permissions = "PRESERVE"
    uid               = "INT_VALUE"
    verify_mode       = "NONE"
  }
}

resource "aws_datasync_location_nfs" "export" {
  on_prem_config {
    agent_arns = [aws_datasync_agent.on_site.arn]
  }
  server_hostname = "nfs.example.internal"
  subdirectory    = "/exports"
}

resource "aws_datasync_location_s3" "archive" {
  s3_bucket_arn = var.bucket_arn
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_agent" "on_site" {}
