locals {
  open_paths = trim(replace(file("${path.module}/${var.open_paths_list}"), "\n", "|"), "|")
}

resource "aws_iam_role" "copier" {
  name = "public-sync-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
    }]
  })
}

resource "aws_datasync_location_s3" "internal" {
  s3_bucket_arn = "arn:aws:s3:::${var.internal_bucket}"
  subdirectory  = "/public"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_s3" "open" {
  s3_bucket_arn = "arn:aws:s3:::${var.open_bucket}"
  subdirectory  = "/"
  provider      = aws.uswest2

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_efs" "internal" {
  efs_file_system_arn = var.launch_data_efs_arn
  subdirectory        = var.internal_mountpath

  ec2_config {
    security_group_arns = [var.launch_efs_security_group_arn]
    subnet_arn          = "arn:aws:ec2:${var.aws_region}:${var.account_id}:subnet/${var.access_point_subnet_ids[0]}"
  }
}

resource "aws_datasync_task" "internal_to_efs" {
  destination_location_arn = aws_datasync_location_efs.internal.arn
  source_location_arn      = aws_datasync_location_s3.internal.arn
  name                     = "internal-to-efs"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "INT_VALUE"
    gid                    = "INT_VALUE"
    posix_permissions      = "PRESERVE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }
}

resource "aws_datasync_location_efs" "open" {
  efs_file_system_arn = var.launch_data_efs_arn
  subdirectory        = var.open_mountpath

  ec2_config {
    security_group_arns = [var.launch_efs_security_group_arn]
    subnet_arn          = "arn:aws:ec2:${var.aws_region}:${var.account_id}:subnet/${var.access_point_subnet_ids[0]}"
  }
}

resource "aws_datasync_task" "open_to_efs" {
  destination_location_arn = aws_datasync_location_efs.open.arn
  source_location_arn      = aws_datasync_location_s3.open.arn
  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = local.open_paths
  }

  provider = aws.uswest2

  name = "open-to-efs"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "INT_VALUE"
    gid                    = "INT_VALUE"
    posix_permissions      = "PRESERVE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }
}

resource "aws_datasync_task" "open_to_blob" {
  destination_location_arn = awscc_datasync_location_azure_blob.open.location_arn
  source_location_arn      = aws_datasync_location_s3.open.arn
  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = local.open_paths
  }

  provider = aws.uswest2

  name = "open-to-blob"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    posix_permissions      = "NONE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
    object_tags            = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }

  task_mode = "ENHANCED"
}

resource "aws_datasync_task" "internal_to_blob" {
  destination_location_arn = awscc_datasync_location_azure_blob.internal.location_arn
  source_location_arn      = aws_datasync_location_s3.internal.arn

  provider = aws.uswest2

  name = "internal-to-blob"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    posix_permissions      = "NONE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
    object_tags            = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }

  task_mode = "ENHANCED"
}

resource "awscc_datasync_location_azure_blob" "open" {
  provider = awscc.uswest2

  azure_access_tier        = "HOT"
  azure_blob_container_url = var.blob_open_container_url
  azure_blob_sas_configuration = {
    azure_blob_sas_token = var.blob_open_sas_token
  }
  azure_blob_type = "BLOCK"
}

resource "awscc_datasync_location_azure_blob" "internal" {
  provider = awscc.uswest2

  azure_access_tier        = "HOT"
  azure_blob_container_url = var.blob_internal_container_url
  azure_blob_sas_configuration = {
    azure_blob_sas_token = var.blob_internal_sas_token
  }
  azure_blob_type = "BLOCK"
}

resource "aws_datasync_agent" "azure_uswest2" {
  name           = "azure-agent"
  activation_key = var.agent_activation_key_uswest2
  provider       = aws.uswest2
}

resource "aws_datasync_agent" "azure_useast1" {
  name           = "azure-agent"
  activation_key = var.agent_activation_key_useast1
}

resource "aws_datasync_location_nfs" "azure_open" {
  server_hostname = var.azure_nfs_server_hostname
  subdirectory    = var.azure_nfs_open_path

  provider = aws.uswest2

  on_prem_config {
    agent_arns = [aws_datasync_agent.azure_uswest2.arn]
  }
}

resource "aws_datasync_location_nfs" "azure_internal" {
  server_hostname = var.azure_nfs_server_hostname
  subdirectory    = var.azure_nfs_internal_path

  on_prem_config {
    agent_arns = [aws_datasync_agent.azure_useast1.arn]
  }
}

resource "aws_datasync_task" "open_to_azure_nfs" {
  destination_location_arn = aws_datasync_location_nfs.azure_open.arn
  source_location_arn      = aws_datasync_location_s3.open.arn

  provider = aws.uswest2

  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = local.open_paths
  }

  name = "open-to-azure-nfs"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    posix_permissions      = "NONE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
    object_tags            = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }

  task_mode = "BASIC"
}

resource "aws_datasync_task" "internal_to_azure_nfs" {
  destination_location_arn = aws_datasync_location_nfs.azure_internal.arn
  source_location_arn      = aws_datasync_location_s3.internal.arn

  name = "internal-to-azure-nfs"

  options {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    preserve_deleted_files = "REMOVE"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    posix_permissions      = "NONE"
    preserve_devices       = "NONE"
    bytes_per_second       = -1
    object_tags            = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 0 ? * * *)"
  }

  task_mode = "BASIC"
}
